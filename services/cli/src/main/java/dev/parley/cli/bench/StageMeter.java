package dev.parley.cli.bench;

import dev.parley.common.StreamsRunner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * CPU of each stage of a stack running in this process (its Streams threads are named after the
 * application id), the process's RSS, and how many contributions reached the aggregator's
 * by-position repartition topic (its end offsets: records plus one transaction marker per commit
 * and partition).
 */
final class StageMeter {

  private static final String EXTRACTOR = StreamsRunner.defaultApplicationId("extractor");
  private static final String AGGREGATOR = StreamsRunner.defaultApplicationId("aggregator");
  private static final String CONTRIBUTIONS = AGGREGATOR + "-by-position-repartition";

  record Reading(
      long extractorCpuNanos, long aggregatorCpuNanos, long contributions, long rssBytes) {

    /**
     * The stage columns of one row: what changed since {@code before}, for {@code articles} in
     * {@code seconds}.
     */
    String since(Reading before, int articles, double seconds) {
      double aggregatorCpu = (aggregatorCpuNanos - before.aggregatorCpuNanos) / 1e9;
      return String.format(
          "%,.0f, %.1f | %,.0f, %.1f, %.2f | %,d",
          articles / seconds,
          (extractorCpuNanos - before.extractorCpuNanos) / 1e9,
          (contributions - before.contributions) / seconds,
          aggregatorCpu,
          aggregatorCpu * 1000 / articles,
          rssBytes / (1024 * 1024));
    }
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  Reading read(Admin kafka) throws InterruptedException {
    long extractor = 0;
    long aggregator = 0;
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long cpu = threads.getThreadCpuTime(id);
      if (info == null || cpu < 0) {
        continue;
      }
      if (info.getThreadName().startsWith(EXTRACTOR)) {
        extractor += cpu;
      } else if (info.getThreadName().startsWith(AGGREGATOR)) {
        aggregator += cpu;
      }
    }
    return new Reading(extractor, aggregator, contributions(kafka), rss());
  }

  private static long contributions(Admin kafka) throws InterruptedException {
    try {
      if (!kafka.listTopics().names().get().contains(CONTRIBUTIONS)) {
        return 0;
      }
      int partitions =
          kafka
              .describeTopics(List.of(CONTRIBUTIONS))
              .allTopicNames()
              .get()
              .get(CONTRIBUTIONS)
              .partitions()
              .size();
      Map<TopicPartition, OffsetSpec> ends =
          IntStream.range(0, partitions)
              .boxed()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(CONTRIBUTIONS, p), p -> OffsetSpec.latest()));
      return kafka.listOffsets(ends).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Cannot read the end offsets of " + CONTRIBUTIONS + ": " + e.getCause().getMessage(), e);
    }
  }

  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: report 0 rather than fail the benchmark
    }
    return 0;
  }
}
