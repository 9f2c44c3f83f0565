package dev.parley.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.common.KafkaSettings;
import dev.parley.common.ServiceConfig;
import dev.parley.common.TopicCreator;
import dev.parley.registry.CompatibilityLevel;
import dev.parley.registry.RegisteredSchema;
import dev.parley.registry.SchemaStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keeps the registry's schemas in a single-partition compacted Kafka topic, as Confluent's registry
 * does ({@code _schemas}, same key and value JSON), so they survive restarts. The store is rebuilt
 * from the topic at start; afterwards this process is the only writer, and a change is applied to
 * the store only once Kafka has acknowledged it.
 */
final class SchemaLog implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final SchemaStore store = new SchemaStore();

  SchemaLog(RegistryConfig config) {
    this.topic = config.schemas().name();
    TopicCreator.ensure(config.service().kafka(), config.service().topics(), config.schemas());
    replay(config.service().kafka());
    this.producer =
        new KafkaProducer<>(
            config.service().kafka().clientConfig(KafkaSettings.durableProducer(Map.of())),
            new StringSerializer(),
            new StringSerializer());
  }

  SchemaStore store() {
    return store;
  }

  synchronized RegisteredSchema register(String subject, Schema schema) {
    Optional<RegisteredSchema> existing = store.find(subject, schema);
    if (existing.isPresent()) {
      return existing.get();
    }
    RegisteredSchema planned = store.planRegistration(subject, schema);
    write(schemaKey(planned), schemaValue(planned));
    store.apply(planned);
    return planned;
  }

  /** Soft-deletes one version ("latest" or a number); returns it, now marked deleted. */
  synchronized RegisteredSchema softDelete(String subject, String version) {
    RegisteredSchema deleted = store.planSoftDelete(subject, version);
    write(schemaKey(deleted), schemaValue(deleted));
    store.apply(deleted);
    return deleted;
  }

  /**
   * Removes one soft-deleted version for good: a tombstone on its key, as Confluent's registry
   * writes.
   */
  synchronized RegisteredSchema hardDelete(String subject, String version) {
    RegisteredSchema removed = store.planHardDelete(subject, version);
    write(schemaKey(removed), null);
    store.remove(subject, removed.version());
    return removed;
  }

  /** Soft-deletes every live version of the subject; returns them. */
  synchronized List<RegisteredSchema> softDeleteSubject(String subject) {
    List<RegisteredSchema> deleted = store.planSoftDeleteSubject(subject);
    for (RegisteredSchema version : deleted) {
      write(schemaKey(version), schemaValue(version));
      store.apply(version);
    }
    return deleted;
  }

  /** Removes every version of a soft-deleted subject for good; returns them. */
  synchronized List<RegisteredSchema> hardDeleteSubject(String subject) {
    List<RegisteredSchema> removed = store.planHardDeleteSubject(subject);
    for (RegisteredSchema version : removed) {
      write(schemaKey(version), null);
      store.remove(subject, version.version());
    }
    return removed;
  }

  synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    write(configKey(subject), JSON.createObjectNode().put("compatibilityLevel", level.name()));
    store.setCompatibility(subject, level);
  }

  /** Drops a subject's own rule, or resets the global one to the default (subject null). */
  synchronized void clearCompatibility(String subject) {
    write(configKey(subject), null);
    store.clearCompatibility(subject);
  }

  private static ObjectNode schemaKey(RegisteredSchema version) {
    return JSON.createObjectNode()
        .put("keytype", "SCHEMA")
        .put("subject", version.subject())
        .put("version", version.version())
        .put("magic", 1);
  }

  private static ObjectNode schemaValue(RegisteredSchema version) {
    return JSON.createObjectNode()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema().toString())
        .put("deleted", version.deleted());
  }

  private static ObjectNode configKey(String subject) {
    ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    return key.put("magic", 0);
  }

  /**
   * Stores a change in Kafka and waits for it; a null value is a tombstone that deletes the key.
   */
  private void write(JsonNode key, JsonNode value) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  topic, 0, key.toString(), value == null ? null : value.toString()))
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not store the registry change in topic "
              + topic
              + ": "
              + e
              + ". Check that Kafka is up; the change was not made, so retry it.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while storing a registry change", e);
    }
  }

  private void replay(KafkaSettings kafka) {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            kafka.clientConfig(
                Map.of(
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false)),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
      while (consumer.position(partition, Duration.ofSeconds(30)) < end) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          apply(record.key(), record.value());
        }
      }
    }
  }

  private void apply(String keyText, String valueText) {
    if (keyText == null) {
      return;
    }
    try {
      JsonNode key = JSON.readTree(keyText);
      String subject = key.path("subject").isNull() ? null : key.path("subject").asText();
      switch (key.path("keytype").asText()) {
        case "SCHEMA" -> {
          if (valueText == null) {
            store.remove(subject, key.path("version").asInt());
          } else {
            JsonNode value = JSON.readTree(valueText);
            store.apply(
                new RegisteredSchema(
                    value.path("subject").asText(),
                    value.path("version").asInt(),
                    value.path("id").asInt(),
                    new Schema.Parser().parse(value.path("schema").asText()),
                    value.path("deleted").asBoolean(false)));
          }
        }
        case "CONFIG" -> {
          if (valueText == null) {
            store.clearCompatibility(subject);
          } else {
            store.setCompatibility(
                subject,
                CompatibilityLevel.valueOf(
                    JSON.readTree(valueText).path("compatibilityLevel").asText()));
          }
        }
        default -> {}
      }
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Topic "
              + topic
              + " holds a record this registry cannot read ("
              + e.getMessage()
              + "). Is "
              + ServiceConfig.SCHEMA_REGISTRY_TOPIC
              + " shared with another program?",
          e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
