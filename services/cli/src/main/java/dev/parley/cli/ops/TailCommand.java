package dev.parley.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the records of a topic as JSON, one line each: partition, offset, timestamp, key, headers and the value "
          + "decoded from Avro with the schema the registry holds for it. A tombstone prints \"tombstone\": true. A record "
          + "that cannot be read is reported on stderr with its partition and offset, and skipped.",
      "Reads without a consumer group, so it changes no offsets; sees committed records only, as Parley's apps do."
    },
    footer = {
      "",
      "Examples:",
      "  ./parley tail parley.position-state             the state changes so far",
      "  ./parley tail parley.position-state --from end -f   follow new changes",
      "  ./parley tail parley.articles --from 2025-12-01 --where source=reuters",
      "  ./parley tail parley.positions --from now-1h --where positions.actor=russia",
      "  ./parley tail parley.articles --partition 1 --from 1200 --max 5",
      "  ./parley tail parley.position-state | jq -c 'select(.value.stance < 0)'",
      "  # another cluster:",
      "  KAFKA_BOOTSTRAP_SERVERS=kafka:9092 SCHEMA_REGISTRY_URL=http://registry:8081 \\",
      "    ./parley tail parley.articles --key 3f2a9c0d1e4b5a6c"
    })
public final class TailCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(
      index = "0",
      paramLabel = "TOPIC",
      description = "The topic to read, e.g. parley.articles.")
  String topic;

  @Mixin RecordSelection selection;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new records as they arrive, until Ctrl-C.")
  boolean follow;

  @Option(names = "--partition", split = ",", description = "Only these partitions (default: all).")
  List<Integer> partitions = new ArrayList<>();

  @Option(
      names = "--max",
      defaultValue = "0",
      description = "Stop after printing this many records (default: no limit).")
  long max;

  @Mixin ClusterOptions cluster;

  @Mixin RegistryOption registry;

  @Spec CommandSpec spec;

  private volatile boolean interrupted;

  @Override
  public Integer call() throws Exception {
    RecordFilter filter = selection.filter(List.of());
    List<TopicPartition> chosen;
    try (Admin admin = cluster.admin()) {
      chosen =
          Partitions.of(admin, topic).stream()
              .filter(p -> partitions.isEmpty() || partitions.contains(p.partition()))
              .toList();
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "Topic "
              + topic
              + " has no partition "
              + partitions
              + "; leave out --partition to read them all.");
    }
    RecordJson records = new RecordJson(registry.client());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch finished = new CountDownLatch(1);
    try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer()) {
      Thread hook =
          new Thread(
              () -> {
                interrupted = true;
                consumer.wakeup();
                awaitQuietly(finished);
              },
              "parley-tail-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        // offsets of partitions it is not assigned make a read-committed consumer warn
        consumer.assign(chosen);
        Map<TopicPartition, Long> starts = selection.from().resolve(consumer, chosen);
        consumer.assign(starts.keySet());
        starts.forEach(consumer::seek);
        Map<TopicPartition, Long> ends = consumer.endOffsets(starts.keySet());
        Counts counts = read(consumer, ends, filter, records, out, err);
        if (counts.unreadable() > 0) {
          err.printf(
              "%d record(s) could not be read (see above); they were skipped.%n",
              counts.unreadable());
        }
      } catch (WakeupException e) {
        // Ctrl-C while following: what was read is printed
      } finally {
        out.flush();
        finished.countDown();
        if (!interrupted) {
          Runtime.getRuntime().removeShutdownHook(hook);
        }
      }
    }
    return 0;
  }

  private record Counts(long printed, long unreadable) {}

  private Counts read(
      KafkaConsumer<byte[], byte[]> consumer,
      Map<TopicPartition, Long> ends,
      RecordFilter filter,
      RecordJson records,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    long printed = 0;
    long unreadable = 0;
    while (!interrupted && (follow || !reachedEnd(consumer, ends))) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
        if (!follow
            && record.offset()
                >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
          continue;
        }
        JsonNode value;
        try {
          value = records.value(record);
        } catch (RecordJson.UnreadableRecordException e) {
          unreadable++;
          err.println("parley tail: cannot read " + e.getMessage());
          continue;
        }
        if (filter.matches(RecordJson.key(record), () -> value)) {
          out.println(JSON.writeValueAsString(RecordJson.line(record, value)));
          if (++printed == max) {
            return new Counts(printed, unreadable);
          }
        }
      }
    }
    return new Counts(printed, unreadable);
  }

  private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
