package dev.parley.cli.ops;

import dev.parley.common.Topics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-publishes a range of a topic into the pipeline (the same topic: its consumers read the records again) or into "
          + "another topic. Keys, values (byte for byte, so schema ids are kept), timestamps and headers are kept; each copy gets the "
          + "headers "
          + Replay.SOURCE_HEADER
          + " (topic/partition/offset it came from) and "
          + Replay.AT_HEADER
          + " (when this replay began).",
      "Dry run unless --execute: reads the range and says how many records would move, per partition. The range is fixed when it "
          + "starts, so replaying a topic into itself never replays its own copies. A progress bar on stderr shows the rate and the "
          + "time left. Ctrl-C stops cleanly: what was sent is flushed and acknowledged first, and the command to resume is printed.",
      "Articles replayed into parley.articles leave the state as it was: the extractor gives the same positions, and the aggregator "
          + "publishes only real changes. An older version of an article than the newest on parley.articles (or in the range) is not "
          + "moved: the topic is compacted, and the version written last is the one it keeps."
    },
    footer = {
      "",
      "Examples:",
      "  ./parley replay parley.articles             how many articles would move",
      "  ./parley replay parley.articles --execute   every article through again",
      "  # one outlet's articles of a morning:",
      "  ./parley replay parley.articles --from 2025-12-01T08:00:00Z \\",
      "    --until 2025-12-01T12:00:00Z --source reuters --execute",
      "  # into another topic, at most 500 records/s:",
      "  ./parley replay parley.articles --to archive.articles --rate 500 --execute",
      "  # resume a stopped replay (it prints this command):",
      "  ./parley replay parley.articles --from 0:4100,1:4230,2:3998 \\",
      "    --until 0:9000,1:9100,2:8950 --execute",
      "  # another cluster:",
      "  KAFKA_BOOTSTRAP_SERVERS=kafka:9092 SCHEMA_REGISTRY_URL=http://registry:8081 \\",
      "    ./parley replay parley.articles --from now-6h"
    })
public final class ReplayCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "TOPIC",
      description = "The topic to replay, e.g. parley.articles.")
  String topic;

  @Option(
      names = "--to",
      paramLabel = "TOPIC",
      description =
          "Where the copies go (default: TOPIC itself, back into the pipeline). It must exist.")
  String to;

  @Mixin RecordSelection selection;

  @Option(
      names = "--until",
      defaultValue = "end",
      paramLabel = "POSITION",
      description =
          "End of the range, exclusive: end (as it is when the replay starts), a time or offsets (default ${DEFAULT-VALUE}).")
  LogPosition until;

  @Option(
      names = "--source",
      description = "Only records whose value's source (the outlet of an article) is this.")
  String source;

  @Option(
      names = "--execute",
      description = "Move the records (without it: a dry run that only counts them).")
  boolean execute;

  @Option(
      names = "--rate",
      paramLabel = "RECORDS/S",
      defaultValue = "0",
      description = "At most this many records per second (default: as fast as Kafka takes them).")
  long rate;

  @Mixin ClusterOptions cluster;

  @Mixin RegistryOption registry;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RecordFilter filter =
        selection.filter(source == null ? List.of() : List.of("source=" + source));
    String target = to != null ? to : topic;
    List<TopicPartition> partitions;
    boolean samePartitionCount;
    try (Admin admin = cluster.admin()) {
      partitions = Partitions.of(admin, topic);
      samePartitionCount = targetPartitions(admin, target).size() == partitions.size();
    }
    ReplayRange range;
    try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer()) {
      // offsets of partitions it is not assigned make a read-committed consumer warn
      consumer.assign(partitions);
      range = ReplayRange.resolve(consumer, topic, partitions, selection.from(), until);
    }
    // read before the replay begins: stopping it then leaves nothing to resume
    NewestRevisions newest =
        target.equals(Topics.ARTICLES.name())
            ? NewestRevisions.read(
                cluster,
                new RecordJson(registry.client()),
                range,
                ProgressBar.on(err, "newest revisions", "records"))
            : null;
    out.printf(
        "%s %s -> %s, %s, %,d offsets in %d partition(s); %s%n",
        execute ? "Replaying" : "Dry run of a replay of",
        topic,
        target,
        filter,
        range.offsets(),
        range.partitions().size(),
        execute
            ? (samePartitionCount
                ? "each record to the partition it was in"
                : "partitions by key (the topics' partition counts differ)")
            : "nothing is written");
    out.flush();
    Replay replay =
        new Replay(
            cluster,
            range,
            execute ? new Replay.Target(target, samePartitionCount) : null,
            filter,
            filter.readsValues() ? new RecordJson(registry.client()) : null,
            newest,
            rate,
            ProgressBar.on(err, execute ? "replay" : "counting", "records"));
    Replay.Outcome outcome = runStoppableByCtrlC(replay, err, out);
    return outcome.complete() && outcome.failure() == null ? 0 : outcome.stopped() ? 130 : 1;
  }

  private List<TopicPartition> targetPartitions(Admin admin, String target)
      throws InterruptedException {
    try {
      return Partitions.of(admin, target);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "There is no topic "
              + target
              + " to replay into: create it first, with the partitions and "
              + "configs it needs (`parley topics` shows those of "
              + topic
              + "), or leave out --to to replay into "
              + topic
              + ".");
    }
  }

  /** Ctrl-C asks the replay to stop and lets it flush and report before the JVM exits. */
  private Replay.Outcome runStoppableByCtrlC(Replay replay, PrintWriter err, PrintWriter out) {
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              replay.stop();
              try {
                reported.await(90, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "parley-replay-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean hookRan = false;
    try {
      Replay.Outcome outcome = replay.run(err);
      hookRan = outcome.stopped();
      report(outcome, out);
      return outcome;
    } finally {
      out.flush();
      reported.countDown();
      if (!hookRan) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }

  private void report(Replay.Outcome outcome, PrintWriter out) {
    for (ReplayRange.PartitionRange p : outcome.range().partitions()) {
      out.printf(
          "  partition %d: offsets %d..%d, %,d record(s) %s%n",
          p.partition(),
          p.start(),
          p.end(),
          outcome.movedPerPartition().get(p.partition()),
          execute ? "moved" : "would move");
    }
    String skipped =
        (outcome.filteredOut() > 0
                ? String.format(", %,d filtered out", outcome.filteredOut())
                : "")
            + (outcome.olderVersions() > 0
                ? String.format(
                    ", %,d not moved as older versions of articles than %s holds",
                    outcome.olderVersions(), Topics.ARTICLES.name())
                : "")
            + (outcome.unreadable() > 0
                ? String.format(
                    ", %,d not moved because the filter could not read them (see above)",
                    outcome.unreadable())
                : "");
    if (outcome.complete() && outcome.failure() == null) {
      out.printf(
          execute
              ? "Moved %,d record(s)%s; every copy is acknowledged by all in-sync replicas.%n"
              : "%,d record(s) would move%s. Add --execute to move them.%n",
          outcome.moved(),
          skipped);
      return;
    }
    out.printf(
        "%s after %s %,d record(s)%s. Everything before these offsets is %s: %s%n",
        outcome.failure() != null ? "Failed (" + outcome.failure() + ")" : "Stopped",
        !execute ? "counting" : outcome.failure() != null ? "sending" : "moving",
        outcome.moved(),
        skipped,
        execute ? "written and acknowledged" : "counted",
        outcome.next().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(",")));
    out.println("To go on from there:");
    out.println("  " + ShellWords.join(resumeCommand(outcome.rest())));
  }

  private List<String> resumeCommand(ReplayRange rest) {
    List<String> command = new ArrayList<>(List.of("./parley", "replay", topic));
    if (to != null) {
      command.addAll(List.of("--to", to));
    }
    command.addAll(rest.arguments());
    command.addAll(selection.filterArguments());
    if (source != null) {
      command.addAll(List.of("--source", source));
    }
    if (rate > 0) {
      command.addAll(List.of("--rate", String.valueOf(rate)));
    }
    if (execute) {
      command.add("--execute");
    }
    return command;
  }
}
