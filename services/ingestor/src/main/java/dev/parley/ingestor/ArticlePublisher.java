package dev.parley.ingestor;

import dev.parley.avro.Article;
import dev.parley.avro.RejectedInput;
import dev.parley.common.KafkaSettings;
import dev.parley.common.Topic;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes articles to Kafka and returns only once every replica in sync has them (acks=all,
 * idempotent producer), so a 202 means the article is durable. Refused inputs go to the rejected
 * topic so that nothing sent is silently lost.
 */
final class ArticlePublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
  private static final int MAX_REJECTED_PAYLOAD = 64 * 1024;

  private final KafkaProducer<String, byte[]> producer;
  private final SchemaRegistryClient registry;
  private final String bootstrapServers;
  private final ArticleRevisions revisions = new ArticleRevisions(System::currentTimeMillis);

  ArticlePublisher(KafkaSettings kafka, SchemaRegistryClient registry) {
    this.registry = registry;
    this.bootstrapServers = kafka.bootstrapServers();
    this.producer = new KafkaProducer<>(kafka.clientConfig(Map.of(
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024)),
        new StringSerializer(), new ByteArraySerializer());
  }

  /** Stamps each article's revision, publishes them and waits until Kafka has acknowledged all of them. */
  void publish(List<Article> articles) {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (Article article : articles) {
      article.setRevision(revisions.next());
      acks.add(send(Topics.ARTICLES, article.getId(), article, article.getPublishedAt()));
    }
    for (Future<RecordMetadata> ack : acks) {
      await(ack);
    }
  }

  /** Keeps a refused input; a failure here is logged, never hidden behind the sender's own error. */
  void reject(String contentType, String payload, String reason) {
    boolean truncated = payload.length() > MAX_REJECTED_PAYLOAD;
    RejectedInput rejected = RejectedInput.newBuilder()
        .setReceivedAt(Instant.now())
        .setChannel("http")
        .setContentType(contentType == null ? "" : contentType)
        .setReason(reason)
        .setPayload(truncated ? payload.substring(0, MAX_REJECTED_PAYLOAD) : payload)
        .setTruncated(truncated)
        .build();
    try {
      producer.send(record(Topics.REJECTED, null, rejected, rejected.getReceivedAt()), (meta, e) -> {
        if (e != null) {
          LOG.warn("Could not keep a rejected input in {}: {}", Topics.REJECTED.name(), e.toString());
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("Could not keep a rejected input in {}: {}", Topics.REJECTED.name(), e.toString());
    }
  }

  private <V extends SpecificRecord> Future<RecordMetadata> send(Topic<V> topic, String key, V value, Instant timestamp) {
    return producer.send(record(topic, key, value, timestamp));
  }

  private <V extends SpecificRecord> ProducerRecord<String, byte[]> record(Topic<V> topic, String key, V value, Instant timestamp) {
    byte[] bytes = topic.valueSerde(registry).serialize(topic.name(), value);
    return new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), key, bytes);
  }

  private void await(Future<RecordMetadata> ack) {
    try {
      ack.get(45, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaUnavailableException("Kafka at " + bootstrapServers + " did not acknowledge the article ("
          + (e.getCause() == null ? e : e.getCause()) + "). Nothing was accepted for certain: send it again once Kafka is reachable.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("Interrupted while waiting for Kafka; send the article again.", e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  /** Kafka did not confirm a write: the sender should retry (HTTP 503). */
  static final class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
