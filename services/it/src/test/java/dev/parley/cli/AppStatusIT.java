package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.local.EmbeddedKafkaBroker;
import dev.parley.cli.local.FreePort;
import dev.parley.cli.ops.AppStatus;
import dev.parley.cli.ops.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code parley topics}, the catch-up of {@code reprocess} and the fault tests read of an app,
 * against a real broker: records of a transaction still open are not lag (the app cannot read them
 * yet), so they are counted apart, and the app is not caught up until the transaction ends.
 */
class AppStatusIT {

  private static final String INPUT = "app-status-input";
  private static final StreamsApp APP =
      new StreamsApp("reader", "app-status-reader", List.of(INPUT));

  @TempDir Path data;

  @Test
  void recordsOfATransactionStillOpenKeepAnAppFromBeingCaughtUpUntilItEnds() throws Exception {
    int[] ports = FreePort.distinct(2);
    int port = ports[0];
    int controller = ports[1];
    try (EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.startNode(
                data, 1, port, "1@127.0.0.1:" + controller, controller, 1);
        Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
        KafkaProducer<byte[], byte[]> plain = producer(broker, Map.of());
        KafkaProducer<byte[], byte[]> transactional =
            producer(broker, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "app-status-writer"));
        KafkaConsumer<byte[], byte[]> reader = reader(broker)) {
      admin.createTopics(List.of(new NewTopic(INPUT, 1, (short) 1))).all().get();
      reader.subscribe(List.of(INPUT));
      plain.send(new ProducerRecord<>(INPUT, new byte[] {1})).get();
      readAndCommit(reader);
      AppStatus read = AppStatus.of(admin, APP);
      assertTrue(read.caughtUp(), read.toString());

      transactional.initTransactions();
      transactional.beginTransaction();
      transactional.send(new ProducerRecord<>(INPUT, new byte[] {2}));
      transactional.send(new ProducerRecord<>(INPUT, new byte[] {3}));
      transactional.flush();
      plain.send(new ProducerRecord<>(INPUT, new byte[] {4})).get();
      readAndCommit(reader);
      AppStatus open = AppStatus.of(admin, APP);
      assertEquals(Map.of(INPUT, 0L), open.lagByTopic(), "nothing the app can read yet");
      assertEquals(
          Map.of(INPUT, 3L), open.undecidedByTopic(), "the transaction's two and one after them");
      assertFalse(open.caughtUp(), open.toString());

      transactional.abortTransaction();
      readAndCommit(reader);
      AppStatus ended = AppStatus.of(admin, APP);
      assertEquals(Map.of(INPUT, 0L), ended.undecidedByTopic());
      assertTrue(ended.caughtUp(), ended.toString());
    }
  }

  /** Polls until the reader has joined and read to the end it can see, then commits there. */
  private static void readAndCommit(KafkaConsumer<byte[], byte[]> reader) {
    for (int polls = 0; polls < 10 || reader.assignment().isEmpty(); polls++) {
      reader.poll(Duration.ofMillis(100));
    }
    reader.commitSync();
  }

  private static KafkaProducer<byte[], byte[]> producer(
      EmbeddedKafkaBroker broker, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<byte[], byte[]> reader(EmbeddedKafkaBroker broker) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            APP.applicationId(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }
}
