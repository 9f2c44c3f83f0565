package dev.parley.common;

import dev.parley.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables a service reads, the convention of Kafka tools and containers; `parley
 * up` and tests layer overrides on top. Services do not read it piecemeal: each turns it once, at
 * start-up, into its typed configuration ({@link KafkaSettings}, {@link HttpSettings}, {@link
 * TopicSettings}, {@link StreamsSettings} and the service's own record), which holds every default
 * and names the variable when a value is wrong.
 */
public final class ServiceConfig {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";

  /** The admin key that Parley's registry requires for writes (registering, deleting, config). */
  public static final String SCHEMA_REGISTRY_ADMIN_KEY = "SCHEMA_REGISTRY_ADMIN_KEY";

  /**
   * Host names a service answers to besides its local ones (comma-separated; see BrowserGuards).
   */
  public static final String ALLOWED_HOSTS = "PARLEY_ALLOWED_HOSTS";

  /**
   * Credentials that registry clients send, {@code user:password}, as Confluent's
   * basic.auth.user.info.
   */
  public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO =
      "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO";

  public static final String HTTP_PORT = "PARLEY_HTTP_PORT";
  public static final String HTTP_HOST = "PARLEY_HTTP_HOST";
  public static final String STATE_DIR = "PARLEY_STATE_DIR";
  public static final String TOPIC_PARTITIONS = "PARLEY_TOPIC_PARTITIONS";
  public static final String TOPIC_REPLICATION = "PARLEY_TOPIC_REPLICATION";
  public static final String PROCESSING_GUARANTEE = "PARLEY_PROCESSING_GUARANTEE";
  public static final String COMMIT_INTERVAL_MS = "PARLEY_COMMIT_INTERVAL_MS";

  /**
   * Warm copies of each Streams state store on other instances, for a fast take-over when one
   * instance goes.
   */
  public static final String STANDBY_REPLICAS = "PARLEY_STANDBY_REPLICAS";

  /** Stream threads of each Streams app instance, each with its own tasks and transactions. */
  public static final String STREAM_THREADS = "PARLEY_STREAM_THREADS";

  public static final String APPLICATION_ID = "PARLEY_APPLICATION_ID";
  public static final String ONTOLOGY = "PARLEY_ONTOLOGY";
  public static final String MAX_ARTICLE_BYTES = "PARLEY_MAX_ARTICLE_BYTES";
  public static final String MAX_BATCH_BYTES = "PARLEY_MAX_BATCH_BYTES";

  /** The largest article record the ingestor writes; at most the articles topic's limit. */
  public static final String MAX_RECORD_BYTES = "PARLEY_MAX_RECORD_BYTES";

  public static final String MAX_HEADLINE_CHARS = "PARLEY_MAX_HEADLINE_CHARS";
  public static final String MAX_HTML_DEPTH = "PARLEY_MAX_HTML_DEPTH";
  public static final String HTML_TIME_LIMIT_MS = "PARLEY_HTML_TIME_LIMIT_MS";

  /** A file of {@code feed-id sha256-hex} lines, re-read when it changes. */
  public static final String FEED_KEYS_FILE = "PARLEY_FEED_KEYS_FILE";

  /** Feed keys inline: {@code feed=sha256-hex,...}. */
  public static final String FEED_KEYS = "PARLEY_FEED_KEYS";

  public static final String ON_BAD_RECORD = "PARLEY_ON_BAD_RECORD";
  public static final String SCHEMA_REGISTRY_TOPIC = "SCHEMA_REGISTRY_TOPIC";
  public static final String INSTANCE_ID = "PARLEY_INSTANCE_ID";
  public static final String SESSION_TIMEOUT_MS = "PARLEY_SESSION_TIMEOUT_MS";

  /** Memory shared by all RocksDB stores of one process (block cache and memtables), in MB. */
  public static final String ROCKSDB_MEMORY_MB = "PARLEY_ROCKSDB_MEMORY_MB";

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
    return getInt(key, fallback, Integer.MIN_VALUE);
  }

  /**
   * The whole number in {@code key}, at least {@code min}; the error names the variable and what to
   * set.
   */
  public int getInt(String key, int fallback, int min) {
    return getOptionalInt(key, min).orElse(fallback);
  }

  /** The whole number in {@code key} if it is set, at least {@code min}. */
  public Optional<Integer> getOptionalInt(String key, int min) {
    String value = get(key, null);
    if (value == null) {
      return Optional.empty();
    }
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(
          key,
          value,
          "is not a whole number; set it to one of at least " + min + " or leave it unset");
    }
    if (number < min) {
      throw new InvalidConfigException(
          key, value, "is below " + min + "; set it to at least " + min + " or leave it unset");
    }
    return Optional.of(number);
  }

  /** One of {@code allowed} (the first is the default when unset). */
  public String getChoice(String key, List<String> allowed) {
    String value = get(key, allowed.get(0));
    if (!allowed.contains(value)) {
      throw new InvalidConfigException(
          key,
          value,
          "is not one of " + String.join(", ", allowed) + "; set one of them or leave it unset");
    }
    return value;
  }

  /** Every setting whose name starts with the prefix, by name; blank ones left out. */
  public Map<String, String> startingWith(String prefix) {
    Map<String, String> matching = new HashMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(prefix) && !value.isBlank()) {
            matching.put(key, value.trim());
          }
        });
    return matching;
  }

  public String bootstrapServers() {
    return KafkaSettings.from(this).bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return KafkaSettings.from(this).schemaRegistryUrl();
  }

  /** The registry client every service and command uses, with the credentials it must send. */
  public SchemaRegistryClient schemaRegistry() {
    return KafkaSettings.from(this).schemaRegistry();
  }
}
