package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The cluster's security settings reach every Kafka client through {@link KafkaSettings}. */
class KafkaSecuritySettingsTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"parley-extractor\" password=\"s3cret\";";

  private final ServiceConfig secured =
      ServiceConfig.of(
          Map.of(
              "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9094",
              "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
              "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
              "KAFKA_SASL_JAAS_CONFIG", JAAS,
              "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/parley/truststore.p12",
              "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "https",
              "KAFKA_HEAP_OPTS", "-Xmx1g",
              "KAFKA_SSL_KEY_PASSWORD", " "));

  @Test
  void securityVariablesBecomeKafkasOwnPropertiesAndNothingElseDoes() {
    assertEquals(
        Map.of(
            "bootstrap.servers", "kafka-1:9094",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/parley/truststore.p12",
            "ssl.endpoint.identification.algorithm", "https"),
        KafkaSettings.from(secured).clientConfig(Map.of()));
  }

  @Test
  void everyNameIsOneThatKafkaClientsKnow() {
    KafkaSettings.from(secured)
        .clientSecurity()
        .keySet()
        .forEach(
            name -> {
              boolean known =
                  ProducerConfig.configNames().contains(name)
                      && ConsumerConfig.configNames().contains(name)
                      && AdminClientConfig.configNames().contains(name);
              assertTrue(known, name + " is a Kafka client property");
            });
  }

  @Test
  void aClientsOwnSettingsComeOnTop() {
    Map<String, Object> settings =
        KafkaSettings.from(secured).clientConfig(Map.of(ProducerConfig.ACKS_CONFIG, "all"));
    assertEquals("all", settings.get(ProducerConfig.ACKS_CONFIG));
    assertEquals("SASL_SSL", settings.get("security.protocol"));
  }

  @Test
  void theStreamsAppsGetThemToo() {
    Properties streams = StreamsRunner.properties("extractor", secured);
    assertEquals("SASL_SSL", streams.get("security.protocol"));
    assertEquals(JAAS, streams.get("sasl.jaas.config"));
    assertEquals("kafka-1:9094", streams.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
  }

  @Test
  void theLocalDefaultHasNoSecuritySettings() {
    assertTrue(KafkaSettings.from(ServiceConfig.of(Map.of())).clientSecurity().isEmpty());
  }
}
