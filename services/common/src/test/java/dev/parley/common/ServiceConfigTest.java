package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * Reading the environment into typed settings: defaults, overrides, and errors that name the
 * variable.
 */
class ServiceConfigTest {

  private static final Function<ServiceConfig, StreamsSettings> EXTRACTOR_STREAMS =
      config -> StreamsSettings.from(config, "extractor");

  @Test
  void unsetAndBlankVariablesTakeTheDefaults() {
    ServiceConfig blank =
        ServiceConfig.of(
            Map.of(
                ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, "  ", ServiceConfig.TOPIC_PARTITIONS, ""));
    assertEquals(
        new ServiceSettings(
            new KafkaSettings("localhost:9092", "http://localhost:8081", null, Map.of()),
            new HttpSettings("0.0.0.0", 8123, Set.of()),
            new TopicSettings(3, Optional.empty())),
        ServiceSettings.from(blank, 8123));
  }

  @Test
  void setVariablesOverrideTheDefaultsTrimmed() {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, " broker-1:9093,broker-2:9093 ",
                ServiceConfig.SCHEMA_REGISTRY_URL, "http://registry:8081",
                ServiceConfig.TOPIC_PARTITIONS, "12",
                ServiceConfig.TOPIC_REPLICATION, "3",
                ServiceConfig.HTTP_HOST, "127.0.0.1",
                ServiceConfig.HTTP_PORT, "0"));
    assertEquals(
        new KafkaSettings("broker-1:9093,broker-2:9093", "http://registry:8081", null, Map.of()),
        KafkaSettings.from(config));
    assertEquals(new TopicSettings(12, Optional.of((short) 3)), TopicSettings.from(config));
    assertEquals(3, TopicSettings.from(config).streamsReplicationFactor());
    assertEquals(new HttpSettings("127.0.0.1", 0, Set.of()), HttpSettings.from(config, 8080));
  }

  @Test
  void aValueThatIsNoNumberNamesTheVariable() {
    InvalidConfigException e =
        refused(TopicSettings::from, ServiceConfig.TOPIC_PARTITIONS, "three");
    assertEquals(ServiceConfig.TOPIC_PARTITIONS, e.variable());
    assertTrue(
        e.getMessage().startsWith("PARLEY_TOPIC_PARTITIONS=three is not a whole number"),
        e.getMessage());
  }

  @Test
  void numbersOutOfRangeNameTheVariableAndTheLimit() {
    assertEquals(
        ServiceConfig.TOPIC_PARTITIONS,
        refused(TopicSettings::from, ServiceConfig.TOPIC_PARTITIONS, "0").variable());
    InvalidConfigException replication =
        refused(TopicSettings::from, ServiceConfig.TOPIC_REPLICATION, "-1");
    assertTrue(
        replication.getMessage().contains("PARLEY_TOPIC_REPLICATION=-1 is below 1"),
        replication.getMessage());
    InvalidConfigException port =
        refused(config -> HttpSettings.from(config, 8080), ServiceConfig.HTTP_PORT, "70000");
    assertTrue(
        port.getMessage().contains("PARLEY_HTTP_PORT=70000 is above 65535"), port.getMessage());
  }

  @Test
  void aChoiceOutsideTheAllowedValuesListsThem() {
    InvalidConfigException e =
        refused(EXTRACTOR_STREAMS, ServiceConfig.PROCESSING_GUARANTEE, "exactly_once");
    assertEquals(ServiceConfig.PROCESSING_GUARANTEE, e.variable());
    assertTrue(e.getMessage().contains("exactly_once_v2, at_least_once"), e.getMessage());
    assertEquals(
        ServiceConfig.ON_BAD_RECORD,
        refused(EXTRACTOR_STREAMS, ServiceConfig.ON_BAD_RECORD, "ignore").variable());
  }

  @Test
  void overridesReplaceOneSettingAndKeepTheOthers() {
    ServiceConfig base =
        ServiceConfig.of(
            Map.of(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, "a:1", ServiceConfig.HTTP_PORT, "1"));
    ServiceConfig changed = base.with(ServiceConfig.HTTP_PORT, "2");
    assertEquals(2, HttpSettings.from(changed, 0).port());
    assertEquals("a:1", changed.bootstrapServers());
    assertEquals(1, HttpSettings.from(base, 0).port());
  }

  @Test
  void aDurableProducerWaitsForEveryReplicaAndIsIdempotentUnderItsOwnSettings() {
    assertEquals(
        Map.of(
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            5),
        KafkaSettings.durableProducer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 5)));
  }

  /** What reading settings with {@code read} throws when only {@code variable} is set. */
  private static InvalidConfigException refused(
      Function<ServiceConfig, ?> read, String variable, String value) {
    return assertThrows(
        InvalidConfigException.class, () -> read.apply(ServiceConfig.of(Map.of(variable, value))));
  }
}
