package dev.parley.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The stable id a Streams app joins its consumer group with (Kafka's static membership, {@code
 * group.instance.id}). An instance that comes back after kill -9 with the same id takes over its
 * old member's partitions at once, instead of waiting for the old member's session to time out.
 * PARLEY_INSTANCE_ID sets it ({@link StreamsSettings}); otherwise it is made once and kept in the
 * app's state folder, so it lasts as long as that state: across restarts of one instance, and
 * different for every instance with its own state folder (two instances must never share one).
 */
public final class StaticMembership {

  static final String FILE = "instance-id";

  private StaticMembership() {}

  /** The id kept in the app's state folder, made there on first use. */
  public static String keptIn(Path appStateDir) {
    Path file = appStateDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!kept.isEmpty()) {
          return kept;
        }
      }
      Files.createDirectories(appStateDir);
      String made = UUID.randomUUID().toString();
      Files.writeString(file, made, StandardCharsets.UTF_8);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot keep this instance's id in "
              + file
              + ": make "
              + appStateDir
              + " writable (PARLEY_STATE_DIR), or set "
              + ServiceConfig.INSTANCE_ID
              + " to an id unique to this instance",
          e);
    }
  }
}
