package dev.parley.aggregator;

import dev.parley.avro.PositionState;
import dev.parley.common.ServiceConfig;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole state, read from every partition of the compacted state topic (not just this
 * instance's share), so any aggregator instance serves the full state and every change. Reads
 * committed records only: the state topic is written with exactly-once.
 */
final class PositionStateView implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PositionStateView.class);

  private final NavigableMap<String, PositionState> states = new ConcurrentSkipListMap<>();
  private final List<Consumer<StateChange>> listeners = new CopyOnWriteArrayList<>();
  private final KafkaConsumer<String, PositionState> consumer;
  private final Thread reader;
  private volatile boolean caughtUp;
  private volatile boolean running = true;

  PositionStateView(ServiceConfig config, SchemaRegistryClient registry) {
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        Topics.POSITION_STATE.keySerde().deserializer(), Topics.POSITION_STATE.valueSerde(registry));
    this.reader = new Thread(this::read, "position-state-view");
    this.reader.setDaemon(true);
  }

  void start() {
    reader.start();
  }

  NavigableMap<String, PositionState> states() {
    return states;
  }

  /** True once everything that was in the topic when the view started has been read. */
  boolean isCaughtUp() {
    return caughtUp;
  }

  void subscribe(Consumer<StateChange> listener) {
    listeners.add(listener);
  }

  void unsubscribe(Consumer<StateChange> listener) {
    listeners.remove(listener);
  }

  private void read() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.POSITION_STATE.name(), Duration.ofSeconds(60)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> startEnds = consumer.endOffsets(partitions, Duration.ofSeconds(60));
      while (running) {
        for (ConsumerRecord<String, PositionState> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record);
        }
        if (!caughtUp) {
          caughtUp = startEnds.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Stopped reading {}: the aggregator's HTTP state is no longer updated; restart the aggregator", Topics.POSITION_STATE.name(), e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, PositionState> record) {
    if (record.value() == null) {
      states.remove(record.key());
    } else {
      states.put(record.key(), record.value());
    }
    StateChange change = new StateChange(record.key(), record.value(), record.partition(), record.offset());
    for (Consumer<StateChange> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        // one subscriber's failure (a dropped connection) must not stop the view for the others
        LOG.debug("Dropping a subscriber that failed: {}", e.toString());
        listeners.remove(listener);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
