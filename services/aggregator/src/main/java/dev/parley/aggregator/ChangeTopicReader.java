package dev.parley.aggregator;

import dev.parley.avro.PositionChange;
import dev.parley.common.KafkaSettings;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the change topic as this instance's own reader, from every partition and without a consumer
 * group: each aggregator instance sees every change, not just its share. Committed records only, as
 * the topic is written with exactly-once.
 */
final class ChangeTopicReader implements AutoCloseable {

  /** How long a close waits for the consumer to let go of its connections. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaConsumer<String, PositionChange> consumer;
  private final Duration kafkaWait;

  /**
   * {@code kafkaWait}: how long it waits for Kafka's answer to where the topic's partitions are.
   */
  ChangeTopicReader(KafkaSettings kafka, SchemaRegistryClient registry, Duration kafkaWait) {
    this.kafkaWait = kafkaWait;
    this.consumer =
        new KafkaConsumer<>(
            kafka.clientConfig(
                Map.of(
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    // an offset that retention already removed resumes from the oldest change
                    // still kept
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
            Topics.POSITION_CHANGES.keySerde().deserializer(),
            Topics.POSITION_CHANGES.valueSerde(registry));
  }

  /** Assigns every partition at the given position; returns the partitions' end offsets now. */
  Map<TopicPartition, Long> seek(FeedPosition from) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.POSITION_CHANGES.name(), kafkaWait).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    partitions.forEach(p -> consumer.seek(p, from.next(p.partition())));
    return consumer.endOffsets(partitions, kafkaWait);
  }

  void poll(Consumer<StateChange> onChange) {
    for (ConsumerRecord<String, PositionChange> record : consumer.poll(Duration.ofMillis(200))) {
      onChange.accept(
          new StateChange(record.key(), record.value(), record.partition(), record.offset()));
    }
  }

  /** True once this reader has passed every offset before {@code upTo}. */
  boolean hasReached(FeedPosition upTo) {
    return consumer.assignment().stream()
        .allMatch(p -> consumer.position(p) >= upTo.next(p.partition()));
  }

  /**
   * Reads the changes from {@code from} up to, not including, {@code upTo}; for a subscriber that
   * resumes.
   */
  static void readRange(
      KafkaSettings kafka,
      SchemaRegistryClient registry,
      FeedPosition from,
      FeedPosition upTo,
      BooleanSupplier stillWanted,
      Consumer<StateChange> onChange) {
    try (ChangeTopicReader reader =
        new ChangeTopicReader(kafka, registry, Duration.ofSeconds(60))) {
      reader.seek(from);
      while (stillWanted.getAsBoolean() && !reader.hasReached(upTo)) {
        reader.poll(
            change -> {
              if (!upTo.isAhead(change.partition(), change.offset())) {
                onChange.accept(change);
              }
            });
      }
    }
  }

  void wakeup() {
    consumer.wakeup();
  }

  /** Bounded: a reader closed while Kafka is gone does not wait for it. */
  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
  }
}
