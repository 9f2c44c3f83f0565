package dev.parley.cli.ops;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.tools.StreamsResetter;

/**
 * Kafka's Streams application reset tool (what {@code kafka-streams-application-reset.sh} runs), in
 * this process: it moves a stopped app's committed input offsets back, moves its intermediate
 * topics to their end and deletes its internal topics (changelogs, repartition topics). It refuses
 * while the app's group has members. Its own report goes to stdout.
 */
final class StreamsReset {

  /** The format the tool's --to-datetime reads. */
  private static final DateTimeFormatter TOOL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private StreamsReset() {}

  /**
   * The tool's arguments for resetting {@code app} to {@code to}: the beginning of its input
   * topics, or a time.
   */
  static List<String> arguments(ClusterOptions cluster, StreamsApp app, LogPosition to) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--application-id",
                app.applicationId(),
                "--input-topics",
                String.join(",", app.inputTopics())));
    if (to instanceof LogPosition.At at) {
      args.addAll(List.of("--to-datetime", TOOL_TIME.format(at.time())));
    } else if (to instanceof LogPosition.Beginning) {
      args.add("--to-earliest");
    } else {
      throw new IllegalArgumentException(
          "The reset tool resets to the beginning or to a time, not to " + to.argument());
    }
    if (cluster.commandConfig() != null) {
      args.addAll(List.of("--command-config", cluster.commandConfig().toString()));
    }
    return args;
  }

  static void run(ClusterOptions cluster, StreamsApp app, LogPosition to) {
    int exit = new StreamsResetter().execute(arguments(cluster, app, to).toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException(
          "Kafka's reset tool refused to reset "
              + app.applicationId()
              + " (its reason is printed above); "
              + "fix that and run again.");
    }
  }

  static boolean canResetTo(LogPosition to) {
    return to instanceof LogPosition.At || to instanceof LogPosition.Beginning;
  }
}
