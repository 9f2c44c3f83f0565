package dev.parley.ingestor;

import dev.parley.avro.Article;
import dev.parley.avro.RejectedInput;
import dev.parley.common.KafkaSettings;
import dev.parley.common.ServiceConfig;
import dev.parley.common.Topic;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.serde.AvroSerde;
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
  // made once: a serde per record would walk its schema again for every article of a batch
  private final AvroSerde<Article> articleValues;
  private final AvroSerde<RejectedInput> rejectionValues;
  private final String bootstrapServers;
  private final ArticleRevisions revisions = new ArticleRevisions(System::currentTimeMillis);
  private final int maxRecordBytes;

  ArticlePublisher(KafkaSettings kafka, SchemaRegistryClient registry, IngestLimits limits) {
    this.articleValues = Topics.ARTICLES.valueSerde(registry);
    this.rejectionValues = Topics.REJECTED.valueSerde(registry);
    this.maxRecordBytes = limits.maxRecordBytes();
    this.bootstrapServers = kafka.bootstrapServers();
    this.producer =
        new KafkaProducer<>(
            kafka.clientConfig(
                KafkaSettings.durableProducer(
                    Map.of(
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        // a batch of 500 articles is about 3 MB: a few large requests, not
                        // hundreds of 16 KB ones, each waiting for every replica
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        30000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        15000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        15000,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        limits.maxRecordBytes()))),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  /**
   * Stamps each article's revision, publishes them and waits until Kafka has acknowledged all of
   * them. Every record is sized before any is sent, so a batch with one article too large for Kafka
   * is refused whole.
   */
  void publish(List<Article> articles) {
    articles.forEach(article -> article.setRevision(revisions.next()));
    List<ProducerRecord<String, byte[]>> records =
        Batch.map(
            articles,
            article ->
                record(
                    Topics.ARTICLES,
                    articleValues,
                    article.getId(),
                    article,
                    article.getPublishedAt()));
    for (int i = 0; i < articles.size(); i++) {
      ProducerRecord<String, byte[]> record = records.get(i);
      if (record.value().length > maxRecordBytes) {
        throw new InvalidInputException(
            413,
            (articles.size() > 1 ? "Article " + (i + 1) + " of the batch" : "The article")
                + " makes a Kafka record of "
                + record.value().length
                + " bytes, more than the "
                + maxRecordBytes
                + " the articles topic takes ("
                + ServiceConfig.MAX_RECORD_BYTES
                + "); shorten it. Nothing of this request was published.");
      }
    }
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (ProducerRecord<String, byte[]> record : records) {
      acks.add(producer.send(record));
    }
    for (Future<RecordMetadata> ack : acks) {
      await(ack);
    }
  }

  /**
   * Keeps a refused input, without any credentials it carried; a failure here is logged, never
   * hidden behind the sender's own error.
   */
  void reject(Refusal refusal) {
    String payload = refusal.payload();
    boolean truncated = payload.length() > MAX_REJECTED_PAYLOAD;
    RejectedInput rejected =
        RejectedInput.newBuilder()
            .setReceivedAt(Instant.now())
            .setChannel("http")
            .setContentType(refusal.contentType() == null ? "" : refusal.contentType())
            .setReason(Redaction.credentials(refusal.reason()))
            .setPayload(
                Redaction.credentials(
                    truncated ? payload.substring(0, MAX_REJECTED_PAYLOAD) : payload))
            .setTruncated(truncated)
            .setStatus(refusal.status())
            .setFeed(refusal.feed() == null ? "" : refusal.feed())
            .build();
    try {
      producer.send(
          record(Topics.REJECTED, rejectionValues, null, rejected, rejected.getReceivedAt()),
          (meta, e) -> {
            if (e != null) {
              LOG.warn(
                  "Could not keep a rejected input in {}: {}",
                  Topics.REJECTED.name(),
                  e.toString());
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("Could not keep a rejected input in {}: {}", Topics.REJECTED.name(), e.toString());
    }
  }

  private <V extends SpecificRecord> ProducerRecord<String, byte[]> record(
      Topic<V> topic, AvroSerde<V> values, String key, V value, Instant timestamp) {
    byte[] bytes = values.serialize(topic.name(), value);
    return new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), key, bytes);
  }

  private void await(Future<RecordMetadata> ack) {
    try {
      ack.get(45, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaUnavailableException(
          "Kafka at "
              + bootstrapServers
              + " did not acknowledge the article ("
              + (e.getCause() == null ? e : e.getCause())
              + "). Nothing was accepted for certain: send it again once Kafka is reachable.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException(
          "Interrupted while waiting for Kafka; send the article again.", e);
    }
  }

  /** Sends everything handed to the producer and waits for Kafka's answers. */
  void flush() {
    producer.flush();
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
