package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.junit.jupiter.api.Test;

/** The Streams properties every Parley app runs with, from the environment. */
class StreamsSettingsTest {

  @Test
  void theRunnersOwnPropertiesBoundRocksDbMemory() {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                ServiceConfig.KAFKA_BOOTSTRAP_SERVERS,
                "broker:9092",
                ServiceConfig.ROCKSDB_MEMORY_MB,
                "64"));
    // what StreamsRunner's constructor runs the app with, not only what tests drive a topology with
    Properties props =
        StreamsSettings.from(config, "aggregator")
            .properties(KafkaSettings.from(config), TopicSettings.from(config));
    assertEquals(
        BoundedRocksDbMemory.class, props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG));
    assertEquals(64L * 1024 * 1024, props.get(BoundedRocksDbMemory.MEMORY_BYTES));
  }

  @Test
  void defaultsAreExactlyOnceWithAShortCommitIntervalAndTheClustersReplication() {
    Properties props =
        StreamsRunner.properties(
            "aggregator",
            ServiceConfig.of(
                Map.of(
                    ServiceConfig.KAFKA_BOOTSTRAP_SERVERS,
                    "broker:9092",
                    ServiceConfig.STATE_DIR,
                    "/var/parley")));
    assertEquals("parley-aggregator", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
    assertEquals("broker:9092", props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    assertEquals(
        Path.of("/var/parley", "aggregator").toString(), props.get(StreamsConfig.STATE_DIR_CONFIG));
    assertEquals(
        StreamsConfig.EXACTLY_ONCE_V2, props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    assertEquals(50, props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    assertEquals(-1, props.get(StreamsConfig.REPLICATION_FACTOR_CONFIG));
    assertEquals(
        DeadLetterHandler.class,
        props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG));
    assertEquals(
        DeadLetterHandler.class,
        props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG));
    assertEquals(
        DeadLetterHandler.class,
        props.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG));
    assertEquals(
        Topics.DEAD_LETTERS.name(),
        props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG));
    assertEquals(
        0,
        props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG),
        "no standby replicas unless asked for");
    assertEquals(
        15_000,
        props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)));
    assertEquals(
        1,
        props.get(
            StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)));
    assertEquals(
        10,
        props.get(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG)),
        "a transaction's first write waits milliseconds, not 100 ms, for the last one's markers");
    assertNull(
        props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)),
        "without PARLEY_INSTANCE_ID the runner keeps an id in the state folder");
  }

  @Test
  void everyDefaultCanBeOverridden() {
    Properties props =
        StreamsRunner.properties(
            "extractor",
            ServiceConfig.of(
                Map.of(
                    ServiceConfig.APPLICATION_ID, "newsroom-extractor",
                    ServiceConfig.PROCESSING_GUARANTEE, "at_least_once",
                    ServiceConfig.COMMIT_INTERVAL_MS, "1000",
                    ServiceConfig.TOPIC_REPLICATION, "3",
                    ServiceConfig.STANDBY_REPLICAS, "1",
                    ServiceConfig.ON_BAD_RECORD, "fail",
                    ServiceConfig.INSTANCE_ID, "extractor-0",
                    ServiceConfig.SESSION_TIMEOUT_MS, "30000")));
    assertEquals(1, props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG));
    assertEquals("newsroom-extractor", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
    assertEquals(StreamsConfig.AT_LEAST_ONCE, props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    assertEquals(1000, props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    assertEquals(3, props.get(StreamsConfig.REPLICATION_FACTOR_CONFIG));
    assertEquals(
        LogAndFailExceptionHandler.class,
        props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG));
    assertEquals(
        "extractor-0",
        props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)));
    assertEquals(
        30_000,
        props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)));
  }

  @Test
  void aSessionShorterThanBrokersAllowIsRefusedAtStartUp() {
    InvalidConfigException refused =
        assertThrows(
            InvalidConfigException.class,
            () ->
                StreamsSettings.from(
                    ServiceConfig.of(Map.of(ServiceConfig.SESSION_TIMEOUT_MS, "1000")),
                    "extractor"));
    assertTrue(
        refused.getMessage().contains(ServiceConfig.SESSION_TIMEOUT_MS), refused.getMessage());
  }

  @Test
  void theStateOfEachAppLivesInItsOwnFolder() {
    ServiceConfig config = ServiceConfig.of(Map.of(ServiceConfig.STATE_DIR, "/data"));
    assertEquals(Path.of("/data/extractor"), StreamsSettings.from(config, "extractor").stateDir());
    assertEquals(
        Path.of("/data/aggregator"), StreamsSettings.from(config, "aggregator").stateDir());
  }
}
