package dev.parley.cli.ops;

import dev.parley.common.StreamsControl;
import dev.parley.common.StreamsRunner;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "reprocess",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds extraction and state from a point in time, after an ontology or extractor change: Kafka's Streams reset "
          + "tool moves the extractor back to that point in parley.articles, and the extractor extracts every article from there "
          + "again. The aggregator replaces each article's earlier contribution with its new one, so its state is then what a fresh "
          + "run would give. --rebuild-state also resets the aggregator to the beginning of parley.positions and wipes its stores "
          + "(the tool deletes its changelog and repartition topics), for a change of the aggregator itself.",
      "The reset tool works only on a stopped app: this command refuses while an app has running instances, unless --stop-apps, "
          + "which stops every instance through the "
          + StreamsControl.TOPIC
          + " topic, waits until Kafka shows none left, resets "
          + "and starts them again (with their local state wiped). Instances that do not follow that topic are named, and nothing "
          + "is reset. Then a progress bar shows each app's lag shrinking, with the rate and time left, until they have caught up.",
      "Dry run unless --execute: shows what would be reset and how many records would be processed again."
    },
    footer = {
      "",
      "Examples:",
      "  ./parley reprocess --from beginning     what a full re-extraction would do",
      "  # after restarting the extractor with a new PARLEY_ONTOLOGY:",
      "  ./parley reprocess --from beginning --stop-apps --execute",
      "  # the articles published since then:",
      "  ./parley reprocess --from 2025-12-01T00:00:00Z --stop-apps --execute",
      "  # after a change of the aggregator:",
      "  ./parley reprocess --from beginning --rebuild-state --stop-apps --execute",
      "  # another cluster, the apps already stopped (e.g. scaled to 0):",
      "  KAFKA_BOOTSTRAP_SERVERS=kafka:9092 ./parley reprocess --from now-2d --execute"
    })
public final class ReprocessCommand implements Callable<Integer> {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  @Option(
      names = "--from",
      required = true,
      paramLabel = "POSITION",
      description =
          "Re-extract the articles from here: beginning, or a time (2025-12-01T00:00:00Z, now-2d); in each partition, "
              + "from the first article whose record timestamp (its publication time) is at or after it.")
  LogPosition from;

  @Option(
      names = "--rebuild-state",
      description = "Also reset the aggregator to the beginning and rebuild its stores.")
  boolean rebuildState;

  @Option(
      names = "--stop-apps",
      description =
          "Stop running instances through "
              + StreamsControl.TOPIC
              + " first and start them again after the reset.")
  boolean stopApps;

  @Option(names = "--execute", description = "Reset and reprocess (without it: a dry run).")
  boolean execute;

  @Option(
      names = "--extractor-app",
      paramLabel = "ID",
      description = "The extractor's application id (default: parley-extractor).")
  String extractorApp;

  @Option(
      names = "--aggregator-app",
      paramLabel = "ID",
      description = "The aggregator's application id (default: parley-aggregator).")
  String aggregatorApp;

  @Mixin ClusterOptions cluster;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!StreamsReset.canResetTo(from)) {
      throw new IllegalArgumentException(
          "Reprocessing starts at the beginning or at a time, not at "
              + from.argument()
              + "; use --from beginning or --from 2025-12-01T00:00:00Z.");
    }
    StreamsApp extractor =
        StreamsApp.extractor(
            extractorApp != null ? extractorApp : StreamsRunner.defaultApplicationId("extractor"));
    StreamsApp aggregator =
        StreamsApp.aggregator(
            aggregatorApp != null
                ? aggregatorApp
                : StreamsRunner.defaultApplicationId("aggregator"));
    List<Reset> resets = new ArrayList<>(List.of(new Reset(extractor, from, "")));
    if (rebuildState) {
      resets.add(
          new Reset(
              aggregator,
              new LogPosition.Beginning(),
              "; its changelog and repartition topics are deleted and rebuilt"));
    }
    try (Admin admin = cluster.admin()) {
      List<AppStatus> running = new ArrayList<>();
      for (Reset reset : resets) {
        AppStatus status = AppStatus.of(admin, reset.app());
        printPlan(admin, reset, status, out);
        if (status.running()) {
          running.add(status);
        }
      }
      if (!execute) {
        out.println(
            running.isEmpty()
                ? "Dry run: nothing was reset. Add --execute to do it."
                : "Dry run: nothing was reset. "
                    + (stopApps
                        ? "With --execute, the running apps are stopped, reset and started again."
                        : "The apps are running: stop them, or add --stop-apps, and --execute."));
        return 0;
      }
      if (!running.isEmpty() && !stopApps) {
        throw new IllegalStateException(refusal(running));
      }
      resetStoppingAndStarting(admin, resets, running, out);
      out.flush();
      return awaitCatchUp(
          admin,
          List.of(extractor, aggregator),
          running.stream().map(AppStatus::app).collect(Collectors.toSet()),
          out);
    }
  }

  /** One app to reset, to where in its input topics, and what else the reset does to it. */
  private record Reset(StreamsApp app, LogPosition to, String alsoDone) {}

  private void printPlan(Admin admin, Reset reset, AppStatus status, PrintWriter out)
      throws Exception {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : reset.app().inputTopics()) {
      partitions.addAll(Partitions.of(admin, topic));
    }
    Map<TopicPartition, Long> targets;
    try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer()) {
      // offsets of partitions it is not assigned make a read-committed consumer warn
      consumer.assign(partitions);
      targets = reset.to().resolve(consumer, partitions);
    }
    Map<TopicPartition, Long> ends = AppStatus.offsets(admin, partitions, OffsetSpec.latest());
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(reset.app().applicationId())
            .partitionsToOffsetAndMetadata()
            .get();
    out.printf(
        "%s (%s): %s%n",
        reset.app().applicationId(),
        status.running() ? status.members().size() + " running instance(s)" : "not running",
        reset.to() instanceof LogPosition.Beginning
            ? "from the beginning"
            : "from " + reset.to().argument());
    long again = 0;
    for (TopicPartition p : partitions) {
      OffsetAndMetadata done = committed.get(p);
      out.printf(
          "  %s partition %d: committed offset %s -> %d, up to %,d record(s) to process again (end offset %d)%n",
          p.topic(),
          p.partition(),
          done == null ? "none" : String.valueOf(done.offset()),
          targets.get(p),
          ends.get(p) - targets.get(p),
          ends.get(p));
      again += ends.get(p) - targets.get(p);
    }
    out.printf("  up to %,d record(s) in all%s%n", again, reset.alsoDone());
  }

  private String refusal(List<AppStatus> running) {
    return running.stream()
            .map(
                s ->
                    s.app().applicationId()
                        + " has "
                        + s.members().size()
                        + " running instance(s) ("
                        + s.members().stream()
                            .map(AppStatus.Member::toString)
                            .collect(Collectors.joining(", "))
                        + ")")
            .collect(Collectors.joining("; "))
        + ". Kafka's reset tool works only on stopped apps: add --stop-apps to stop them through "
        + StreamsControl.TOPIC
        + " and start them again afterwards, or stop them yourself (Ctrl-C `parley up`, scale the deployment to 0) and run again.";
  }

  /**
   * Stops what runs, resets, and starts again what it stopped, even when the reset fails or Ctrl-C
   * comes in between: an app is never left stopped by this command.
   */
  private void resetStoppingAndStarting(
      Admin admin, List<Reset> resets, List<AppStatus> running, PrintWriter out) throws Exception {
    if (running.isEmpty()) {
      resets.forEach(r -> StreamsReset.run(cluster, r.app(), r.to()));
      out.println(
          "Reset. The apps are not running: start them and they reprocess from where they were reset to"
              + (rebuildState
                  ? " (the aggregator with its local state removed: the folder aggregator in its PARLEY_STATE_DIR)."
                  : "."));
      return;
    }
    try (AppControl control = new AppControl(cluster, admin)) {
      CountDownLatch restarted = new CountDownLatch(1);
      AtomicBoolean ctrlC = new AtomicBoolean();
      Thread hook =
          new Thread(
              () -> {
                ctrlC.set(true);
                awaitQuietly(restarted);
              },
              "parley-reprocess-restart");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        for (AppStatus status : running) {
          out.printf(
              "Stopping %s (%d instance(s)) through %s ...%n",
              status.app().applicationId(), status.members().size(), StreamsControl.TOPIC);
          out.flush();
          control.send(status.app(), StreamsControl.Command.STOP);
          AppStatus after = control.awaitStopped(status.app(), STOP_TIMEOUT);
          if (after.running()) {
            throw new IllegalStateException(
                status.app().applicationId()
                    + " still has "
                    + after.members().size()
                    + " instance(s) after "
                    + STOP_TIMEOUT.toSeconds()
                    + " s ("
                    + after.members().stream()
                        .map(AppStatus.Member::toString)
                        .collect(Collectors.joining(", "))
                    + "): they do not follow "
                    + StreamsControl.TOPIC
                    + " (an older Parley, or not Parley). Nothing was reset; the instances "
                    + "that stopped are started again. Stop the others yourself and run again.");
          }
        }
        if (ctrlC.get()) {
          throw new IllegalStateException("Ctrl-C: nothing was reset.");
        }
        out.println("Stopped. Resetting with Kafka's reset tool:");
        out.flush();
        resets.forEach(r -> StreamsReset.run(cluster, r.app(), r.to()));
      } finally {
        for (AppStatus status : running) {
          control.send(status.app(), StreamsControl.Command.START);
        }
        out.printf(
            "Started %s again.%n",
            running.stream()
                .map(s -> s.app().applicationId())
                .collect(Collectors.joining(" and ")));
        restarted.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl-C came: the hook waited for the apps to be started again
        }
      }
    }
  }

  /** Ctrl-C while following leaves the apps at work: they go on without this command. */
  private int awaitCatchUp(
      Admin admin, List<StreamsApp> apps, Set<StreamsApp> restarted, PrintWriter out)
      throws InterruptedException {
    CatchUp catchUp =
        new CatchUp(
            admin,
            apps,
            restarted,
            ProgressBar.on(spec.commandLine().getErr(), "reprocessing", "records"));
    long started = System.nanoTime();
    CountDownLatch left = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              catchUp.stop();
              awaitQuietly(left);
            },
            "parley-reprocess-follow");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean caughtUp = false;
    try {
      caughtUp = catchUp.await();
      out.println(
          caughtUp
              ? String.format(
                  "Caught up in %.1f s: extraction and state are rebuilt.",
                  (System.nanoTime() - started) / 1e9)
              : "Stopped following; the apps go on reprocessing without this command. `./parley topics` shows their lag.");
    } finally {
      out.flush();
      left.countDown();
      if (caughtUp) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
