package dev.parley.common;

import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where the Kafka cluster and the schema registry are, and the credentials the registry wants for
 * writes ({@code user:password}, as Confluent's clients send them), or null when it wants none.
 */
public record KafkaSettings(String bootstrapServers, String schemaRegistryUrl, String schemaRegistryUserInfo) {

  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

  public static KafkaSettings from(ServiceConfig config) {
    return new KafkaSettings(
        config.get(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS),
        config.get(ServiceConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL),
        config.get(ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, null));
  }

  /** The registry client of every service and command: URL and credentials are read here only. */
  public SchemaRegistryClient schemaRegistry() {
    return SchemaRegistryClients.forUrl(schemaRegistryUrl, schemaRegistryUserInfo);
  }

  /**
   * The configuration of a Kafka client (producer, consumer, admin) of this cluster: the bootstrap
   * servers and the client's own settings. Every client of a service is configured here, so that
   * cluster-wide client settings are added in one place.
   */
  public Map<String, Object> clientConfig(Map<String, Object> clientSettings) {
    Map<String, Object> config = new HashMap<>(clientSettings);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }
}
