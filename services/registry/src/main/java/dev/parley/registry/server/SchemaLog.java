package dev.parley.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.common.KafkaClientSettings;
import dev.parley.common.ServiceConfig;
import dev.parley.registry.CompatibilityLevel;
import dev.parley.registry.RegisteredSchema;
import dev.parley.registry.SchemaStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keeps the registry's schemas in a single-partition compacted Kafka topic, as Confluent's
 * registry does ({@code _schemas}, same key and value JSON), so they survive restarts. The store is
 * rebuilt from the topic at start; afterwards this process is the only writer, and a change is
 * applied to the store only once Kafka has acknowledged it.
 */
final class SchemaLog implements AutoCloseable {

  static final String TOPIC = "SCHEMA_REGISTRY_TOPIC";
  static final String DEFAULT_TOPIC = "_schemas";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final SchemaStore store = new SchemaStore();

  SchemaLog(ServiceConfig config) {
    this.topic = config.get(TOPIC, DEFAULT_TOPIC);
    createTopic(config);
    replay(config);
    this.producer = new KafkaProducer<>(KafkaClientSettings.with(config, Map.of(
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
        new StringSerializer(), new StringSerializer());
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
    ObjectNode key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", planned.version()).put("magic", 1);
    ObjectNode value = JSON.createObjectNode().put("subject", subject).put("version", planned.version()).put("id", planned.id())
        .put("schema", schema.toString()).put("deleted", false);
    write(key, value);
    store.apply(planned);
    return planned;
  }

  synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("magic", 0);
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    write(key, JSON.createObjectNode().put("compatibilityLevel", level.name()));
    store.setCompatibility(subject, level);
  }

  private void write(JsonNode key, JsonNode value) {
    try {
      producer.send(new ProducerRecord<>(topic, 0, key.toString(), value.toString())).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not store the registry change in topic " + topic + ": " + e
          + ". Check that Kafka is up; the change was not made, so retry it.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while storing a registry change", e);
    }
  }

  private void createTopic(ServiceConfig config) {
    try (Admin admin = Admin.create(KafkaClientSettings.of(config))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      if (!existing.contains(topic)) {
        int replication = config.getInt(ServiceConfig.TOPIC_REPLICATION, -1);
        NewTopic newTopic = new NewTopic(topic, Optional.of(1), replication > 0 ? Optional.of((short) replication) : Optional.empty())
            .configs(Map.of("cleanup.policy", "compact"));
        admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw unreachable(config, e.getCause());
      }
    } catch (TimeoutException e) {
      throw unreachable(config, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating " + topic, e);
    }
  }

  private IllegalStateException unreachable(ServiceConfig config, Throwable cause) {
    return new IllegalStateException("The schema registry cannot use topic " + topic + " on Kafka at " + config.bootstrapServers()
        + " (" + cause + "). Check that Kafka is up and KAFKA_BOOTSTRAP_SERVERS points at it.", cause);
  }

  private void replay(ServiceConfig config) {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaClientSettings.with(config, Map.of(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
        new StringDeserializer(), new StringDeserializer())) {
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
    if (keyText == null || valueText == null) {
      return;
    }
    try {
      JsonNode key = JSON.readTree(keyText);
      JsonNode value = JSON.readTree(valueText);
      switch (key.path("keytype").asText()) {
        case "SCHEMA" -> {
          if (!value.path("deleted").asBoolean(false)) {
            store.apply(new RegisteredSchema(value.path("subject").asText(), value.path("version").asInt(), value.path("id").asInt(),
                new Schema.Parser().parse(value.path("schema").asText())));
          }
        }
        case "CONFIG" -> store.setCompatibility(key.path("subject").isNull() ? null : key.path("subject").asText(),
            CompatibilityLevel.valueOf(value.path("compatibilityLevel").asText()));
        default -> { }
      }
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException("Topic " + topic + " holds a record this registry cannot read (" + e.getMessage()
          + "). Is SCHEMA_REGISTRY_TOPIC shared with another program?", e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
