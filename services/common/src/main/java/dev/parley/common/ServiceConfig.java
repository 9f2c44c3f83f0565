package dev.parley.common;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings from environment variables, the convention of Kafka tools and containers, with sane
 * defaults for the local default. `parley up` and tests layer overrides on top.
 */
public final class ServiceConfig {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
  public static final String HTTP_PORT = "PARLEY_HTTP_PORT";
  public static final String HTTP_HOST = "PARLEY_HTTP_HOST";
  public static final String STATE_DIR = "PARLEY_STATE_DIR";
  public static final String TOPIC_PARTITIONS = "PARLEY_TOPIC_PARTITIONS";
  public static final String TOPIC_REPLICATION = "PARLEY_TOPIC_REPLICATION";
  public static final String PROCESSING_GUARANTEE = "PARLEY_PROCESSING_GUARANTEE";
  public static final String COMMIT_INTERVAL_MS = "PARLEY_COMMIT_INTERVAL_MS";
  public static final String APPLICATION_ID = "PARLEY_APPLICATION_ID";
  public static final String ONTOLOGY = "PARLEY_ONTOLOGY";
  public static final String MAX_ARTICLE_BYTES = "PARLEY_MAX_ARTICLE_BYTES";
  public static final String MAX_BATCH_BYTES = "PARLEY_MAX_BATCH_BYTES";
  public static final String ON_BAD_RECORD = "PARLEY_ON_BAD_RECORD";
  public static final String SSE_MAX_SUBSCRIBERS = "PARLEY_SSE_MAX_SUBSCRIBERS";

  private final Map<String, String> values;

  private ServiceConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static ServiceConfig fromEnvironment() {
    return new ServiceConfig(System.getenv());
  }

  public static ServiceConfig of(Map<String, String> values) {
    return new ServiceConfig(values);
  }

  /** A copy with one setting replaced. */
  public ServiceConfig with(String key, String value) {
    Map<String, String> copy = new HashMap<>(values);
    copy.put(key, value);
    return new ServiceConfig(copy);
  }

  public String get(String key, String fallback) {
    String value = values.get(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  public int getInt(String key, int fallback) {
    String value = get(key, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not a whole number; set it to one, e.g. " + key + "=" + fallback);
    }
  }

  /** Every setting whose name starts with the prefix, by name; blank ones left out. */
  public Map<String, String> startingWith(String prefix) {
    Map<String, String> matching = new HashMap<>();
    values.forEach((key, value) -> {
      if (key.startsWith(prefix) && !value.isBlank()) {
        matching.put(key, value.trim());
      }
    });
    return matching;
  }

  public String bootstrapServers() {
    return get(KAFKA_BOOTSTRAP_SERVERS, "localhost:9092");
  }

  public String schemaRegistryUrl() {
    return get(SCHEMA_REGISTRY_URL, "http://localhost:8081");
  }

  public String httpHost() {
    return get(HTTP_HOST, "0.0.0.0");
  }

  public int httpPort(int serviceDefault) {
    return getInt(HTTP_PORT, serviceDefault);
  }

  public Path stateDir() {
    return Path.of(get(STATE_DIR, System.getProperty("java.io.tmpdir") + "/parley-streams"));
  }
}
