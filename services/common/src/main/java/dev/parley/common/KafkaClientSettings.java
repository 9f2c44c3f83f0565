package dev.parley.common;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The settings every Kafka client of every Parley service starts from: the bootstrap servers and
 * the cluster's security settings, given in the environment as Kafka's own properties in the
 * container convention, e.g. {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL} is {@code security.protocol},
 * {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}
 * is {@code ssl.truststore.location}. Only security settings pass through: other KAFKA_* variables
 * (KAFKA_HEAP_OPTS, KAFKA_OPTS) belong to Kafka's scripts, and each client tunes the rest itself.
 */
public final class KafkaClientSettings {

  private static final String ENV_PREFIX = "KAFKA_";
  private static final String[] SECURITY_PREFIXES = {"KAFKA_SECURITY_", "KAFKA_SASL_", "KAFKA_SSL_"};

  private KafkaClientSettings() {}

  /** bootstrap.servers and the security properties; a client adds its own settings on top. */
  public static Map<String, Object> of(ServiceConfig config) {
    Map<String, Object> settings = new HashMap<>(security(config));
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return settings;
  }

  /** The settings of {@link #of} with the given ones on top. */
  public static Map<String, Object> with(ServiceConfig config, Map<String, Object> clientSettings) {
    Map<String, Object> settings = of(config);
    settings.putAll(clientSettings);
    return settings;
  }

  /** Just the security properties, e.g. {@code security.protocol -> SASL_SSL}. */
  public static Map<String, String> security(ServiceConfig config) {
    Map<String, String> properties = new HashMap<>();
    for (String prefix : SECURITY_PREFIXES) {
      config.startingWith(prefix).forEach((variable, value) -> properties.put(propertyName(variable), value));
    }
    return properties;
  }

  static String propertyName(String variable) {
    return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
