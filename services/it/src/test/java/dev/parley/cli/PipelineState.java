package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.avro.PositionState;
import dev.parley.cli.local.LocalStack;
import dev.parley.cli.ops.AppStatus;
import dev.parley.cli.ops.StreamsApp;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The pipeline as Kafka holds it: the state as the state topic says it (the latest committed record
 * of every position, tombstones removed), end offsets, and whether the apps have caught up.
 */
public final class PipelineState {

  private final String bootstrapServers;
  private final String registryUrl;

  public PipelineState(String bootstrapServers, String registryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
  }

  /** The pipeline of a local stack. */
  public static PipelineState of(LocalStack stack) {
    return new PipelineState(stack.bootstrapServers(), stack.registry().httpAddress().toString());
  }

  /** Every position's current state, by key, read to the end of the state topic. */
  public Map<String, PositionState> state() {
    Map<String, PositionState> state = new TreeMap<>();
    try (KafkaConsumer<String, PositionState> consumer =
        committedReader(
            new StringDeserializer(),
            Topics.POSITION_STATE.valueSerde(SchemaRegistryClients.forUrl(registryUrl)))) {
      readToEnd(
          consumer,
          Topics.POSITION_STATE.name(),
          record -> {
            if (record.value() == null) {
              state.remove(record.key());
            } else {
              state.put(record.key(), record.value());
            }
          });
    }
    return state;
  }

  /** Every record of a topic, in partition and offset order, raw. */
  public List<ConsumerRecord<byte[], byte[]>> records(String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = rawReader()) {
      readToEnd(consumer, topic, records::add);
    }
    return records;
  }

  /** End offsets per partition, read-committed. */
  Map<Integer, Long> endOffsets(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = rawReader()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      Map<Integer, Long> ends = new TreeMap<>();
      consumer.endOffsets(partitions).forEach((p, o) -> ends.put(p.partition(), o));
      return ends;
    }
  }

  /**
   * Waits until the extractor and the aggregator run and have nothing left to process, and no
   * transaction is open, twice in a row. An instance killed in a transaction leaves it open until
   * it times out, and until then read_committed readers see nothing written after its first record
   * on the same partitions: neither the apps (whose lag reads 0) nor {@link #state()}.
   */
  public void awaitCaughtUp(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quietChecks = 0;
    Map<String, String> last = new HashMap<>();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      while (quietChecks < 2) {
        if (System.nanoTime() > deadline) {
          fail("The apps did not catch up within " + timeout + ": " + last);
        }
        boolean quiet = true;
        for (StreamsApp app : StreamsApp.defaults()) {
          AppStatus status = AppStatus.of(admin, app);
          quiet &= status.caughtUp();
          last.put(
              app.applicationId(),
              status.members().size()
                  + " instance(s), lag "
                  + status.lagByTopic()
                  + ", in open transactions "
                  + status.undecidedByTopic());
        }
        List<String> open = openTransactions(admin);
        last.put("open transactions", open.toString());
        quiet &= open.isEmpty();
        quietChecks = quiet ? quietChecks + 1 : 0;
        Thread.sleep(300);
      }
    }
  }

  private static List<String> openTransactions(Admin admin) throws Exception {
    return admin
        .listTransactions(
            new ListTransactionsOptions()
                .filterStates(
                    List.of(
                        TransactionState.ONGOING,
                        TransactionState.PREPARE_COMMIT,
                        TransactionState.PREPARE_ABORT)))
        .all()
        .get()
        .stream()
        .map(TransactionListing::transactionalId)
        .toList();
  }

  private KafkaConsumer<byte[], byte[]> rawReader() {
    return committedReader(new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private <K, V> KafkaConsumer<K, V> committedReader(Deserializer<K> keys, Deserializer<V> values) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        keys,
        values);
  }

  /**
   * Hands every committed record of the topic, from its beginning to its end now, to {@code each}.
   */
  private static <K, V> void readToEnd(
      KafkaConsumer<K, V> consumer, String topic, Consumer<ConsumerRecord<K, V>> each) {
    List<TopicPartition> partitions = partitions(consumer, topic);
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      consumer.poll(Duration.ofMillis(200)).forEach(each);
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .collect(Collectors.toList());
  }
}
