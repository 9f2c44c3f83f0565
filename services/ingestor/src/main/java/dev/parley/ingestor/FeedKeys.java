package dev.parley.ingestor;

import dev.parley.common.ServiceConfig;
import dev.parley.common.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys feeds push with, stored only as SHA-256 hashes: a key is 32 random bytes, so a plain
 * hash is as safe as a slow one and lets every request be checked in microseconds. Keys come from a
 * file of {@code feed-id sha256-hex} lines ({@value ServiceConfig#FEED_KEYS_FILE}), re-read when it
 * changes so a key is added or revoked without a restart, and from {@value ServiceConfig#FEED_KEYS}
 * ({@code feed=sha256-hex,...}).
 */
final class FeedKeys {

  private static final Logger LOG = LoggerFactory.getLogger(FeedKeys.class);
  private static final Pattern FEED_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final long RECHECK_NANOS = 1_000_000_000L;

  private final Path file;
  private final Map<String, String> fromEnvironment;
  private volatile Map<String, String> feedByHash;
  private volatile long checkedAt;
  private volatile String fileVersion = "";

  private FeedKeys(Path file, Map<String, String> fromEnvironment) {
    this.file = file;
    this.fromEnvironment = fromEnvironment;
    this.feedByHash = fromEnvironment;
    this.checkedAt = System.nanoTime();
  }

  /**
   * Reads the keys; a malformed file or variable stops the start with a message naming the line.
   */
  static FeedKeys from(IngestorConfig config) {
    String file = config.feedKeysFile();
    FeedKeys keys =
        new FeedKeys(
            file == null ? null : Path.of(file),
            parse(
                List.of(config.feedKeyHashes().split(",")),
                ServiceConfig.FEED_KEYS + " entry ",
                "="));
    if (keys.file != null) {
      keys.feedByHash = keys.merged(keys.readFile());
      keys.fileVersion = keys.version();
    }
    if (keys.feedByHash.isEmpty()) {
      LOG.warn(
          "No feed keys are configured, so every push is refused with 401. Set {} to a file of 'feed-id sha256-of-key' lines "
              + "(see docs/ingesting.md).",
          ServiceConfig.FEED_KEYS_FILE);
    }
    return keys;
  }

  /** The feed whose key an {@code Authorization: Bearer <key>} header carries. */
  Optional<String> feedFor(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.ofNullable(current().get(Sha256.hex(authorization.substring(7).strip())));
  }

  boolean isEmpty() {
    return current().isEmpty();
  }

  private Map<String, String> current() {
    if (file != null && System.nanoTime() - checkedAt > RECHECK_NANOS) {
      reloadIfChanged();
    }
    return feedByHash;
  }

  private synchronized void reloadIfChanged() {
    checkedAt = System.nanoTime();
    String version = version();
    if (version.equals(fileVersion)) {
      return;
    }
    try {
      feedByHash = merged(readFile());
      fileVersion = version;
      LOG.info("Read {} feed keys from {}", feedByHash.size(), file);
    } catch (IllegalArgumentException e) {
      LOG.error("Kept the previous feed keys: {}", e.getMessage());
    }
  }

  private String version() {
    try {
      return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
    } catch (IOException e) {
      return "missing";
    }
  }

  private Map<String, String> readFile() {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file + " line ", " ");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read the feed keys file "
              + file
              + " ("
              + e
              + "); create it or point "
              + ServiceConfig.FEED_KEYS_FILE
              + " at it.",
          e);
    }
  }

  private Map<String, String> merged(Map<String, String> fromFile) {
    Map<String, String> all = new HashMap<>(fromEnvironment);
    all.putAll(fromFile);
    return Map.copyOf(all);
  }

  private static Map<String, String> parse(List<String> lines, String where, String separator) {
    Map<String, String> feedByHash = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(separator.equals(" ") ? "\\s+" : separator, -1);
      if (parts.length != 2
          || !FEED_ID.matcher(parts[0]).matches()
          || !SHA256_HEX.matcher(parts[1]).matches()) {
        throw new IllegalArgumentException(
            where
                + (i + 1)
                + " is not 'feed-id"
                + separator
                + "sha256-hex' (a feed id of letters, "
                + "digits, '.', '_' or '-', and the 64 lower-case hex digits of the key's SHA-256); fix it, e.g. with "
                + "`printf %s \"$KEY\" | sha256sum`.");
      }
      feedByHash.put(parts[1], parts[0]);
    }
    return Map.copyOf(feedByHash);
  }
}
