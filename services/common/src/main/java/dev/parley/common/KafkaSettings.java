package dev.parley.common;

/** Where the Kafka cluster and the schema registry are. */
public record KafkaSettings(String bootstrapServers, String schemaRegistryUrl) {

  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

  public static KafkaSettings from(ServiceConfig config) {
    return new KafkaSettings(
        config.get(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS),
        config.get(ServiceConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL));
  }
}
