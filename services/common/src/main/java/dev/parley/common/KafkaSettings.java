package dev.parley.common;

import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Where the Kafka cluster and the schema registry are, the credentials the registry wants for
 * writes ({@code user:password}, as Confluent's clients send them), or null when it wants none, and
 * the cluster's security settings that every Kafka client of every service starts from.
 *
 * <p>The security settings are Kafka's own client properties given in the environment in the
 * container convention: {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL} is {@code security.protocol},
 * {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}
 * is {@code ssl.truststore.location}. Only those three prefixes pass through: other KAFKA_*
 * variables (KAFKA_HEAP_OPTS, KAFKA_OPTS) belong to Kafka's scripts, and each client tunes the rest
 * itself.
 *
 * @param clientSecurity e.g. {@code security.protocol -> SASL_SSL}; empty for the local default
 */
public record KafkaSettings(
    String bootstrapServers,
    String schemaRegistryUrl,
    String schemaRegistryUserInfo,
    Map<String, String> clientSecurity) {

  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

  private static final String ENV_PREFIX = "KAFKA_";
  private static final String[] SECURITY_PREFIXES = {
    "KAFKA_SECURITY_", "KAFKA_SASL_", "KAFKA_SSL_"
  };

  public KafkaSettings {
    clientSecurity = Map.copyOf(clientSecurity);
  }

  public static KafkaSettings from(ServiceConfig config) {
    return new KafkaSettings(
        config.get(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS),
        config.get(ServiceConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY_URL),
        config.get(ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, null),
        clientSecurity(config));
  }

  /** The registry client of every service and command: URL and credentials are read here only. */
  public SchemaRegistryClient schemaRegistry() {
    return SchemaRegistryClients.forUrl(schemaRegistryUrl, schemaRegistryUserInfo);
  }

  /**
   * The configuration of a Kafka client: bootstrap servers and security, with the client's own
   * settings on top.
   */
  public Map<String, Object> clientConfig(Map<String, ?> clientSettings) {
    Map<String, Object> config = new HashMap<>(clientSecurity);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.putAll(clientSettings);
    return config;
  }

  /**
   * A producer's own settings with what makes its records neither lost nor written twice by its
   * retries: acknowledged by every in-sync replica, idempotent.
   */
  public static Map<String, Object> durableProducer(Map<String, ?> producerSettings) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.putAll(producerSettings);
    return settings;
  }

  private static Map<String, String> clientSecurity(ServiceConfig config) {
    Map<String, String> properties = new HashMap<>();
    for (String prefix : SECURITY_PREFIXES) {
      config
          .startingWith(prefix)
          .forEach((variable, value) -> properties.put(propertyName(variable), value));
    }
    return properties;
  }

  static String propertyName(String variable) {
    return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
