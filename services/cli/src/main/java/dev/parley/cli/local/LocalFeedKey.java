package dev.parley.cli.local;

import dev.parley.common.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The feed key of the local default: `parley up` makes one on its first start and keeps it with its
 * data, readable only by its user, so `parley push` on the same machine finds it. The ingestor
 * reads only the hashed copy ({@value #HASHES_FILE}), like any keys file.
 */
public final class LocalFeedKey {

  public static final String FEED = "local";
  public static final String KEY_FILE = "feed-key";
  public static final String HASHES_FILE = "feed-keys";

  private LocalFeedKey() {}

  /** The local key, made and written on first use; also writes the keys file the ingestor reads. */
  static String ensure(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Optional<String> existing = read(dataDir);
    String key = existing.isPresent() ? existing.get() : newKey();
    if (existing.isEmpty()) {
      writePrivate(dataDir.resolve(KEY_FILE), key + "\n");
    }
    writePrivate(
        dataDir.resolve(HASHES_FILE),
        "# made by `parley up`: feed-id sha256-of-key\n" + FEED + " " + Sha256.hex(key) + "\n");
    return key;
  }

  /**
   * 32 bytes from the system's secure random source, hex-encoded: a key no one guesses, so a plain
   * SHA-256 keeps it.
   */
  private static String newKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The key a local `parley up` made in {@code dataDir}, if it made one. */
  public static Optional<String> read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(KEY_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String key = Files.readString(file, StandardCharsets.UTF_8).strip();
    return key.isEmpty() ? Optional.empty() : Optional.of(key);
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temporary);
    }
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(
        temporary,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
