package dev.parley.aggregator;

import dev.parley.avro.PositionState;
import dev.parley.common.KafkaSettings;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole live state and its recent changes, built from every partition of the change topic, so
 * any aggregator instance serves the full state. A snapshot and the position it was taken at are
 * read together, so a subscriber that starts from that position misses nothing and sees nothing
 * twice.
 */
final class PositionStateView implements AutoCloseable {

  /** A consistent copy of the state and the change-topic position it reflects. */
  record Snapshot(NavigableMap<String, PositionState> states, String eventId) {}

  static final int RECENT_CHANGES = 200;
  private static final Logger LOG = LoggerFactory.getLogger(PositionStateView.class);

  private final NavigableMap<String, PositionState> states = new TreeMap<>();
  private final Deque<StateChange> recent = new ArrayDeque<>();
  private final List<Consumer<StateChange>> listeners = new ArrayList<>();
  private final FeedPosition position = FeedPosition.start();
  private final ChangeTopicReader reader;
  private final Thread thread;
  private volatile boolean caughtUp;
  private volatile boolean running = true;

  PositionStateView(KafkaSettings kafka, SchemaRegistryClient registry) {
    this.reader = new ChangeTopicReader(kafka, registry);
    this.thread = new Thread(this::read, "position-state-view");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(new TreeMap<>(states), position.eventId());
  }

  synchronized PositionState state(String key) {
    return states.get(key);
  }

  synchronized List<StateChange> recentChanges() {
    return List.copyOf(recent);
  }

  /** True once everything that was in the topic when the view started has been read. */
  boolean isCaughtUp() {
    return caughtUp;
  }

  /**
   * Registers a listener for every change applied from now on, and returns the position up to which
   * changes were applied before it. The listener is called on the view's thread: it must hand the
   * change over, not block.
   */
  synchronized FeedPosition subscribe(Consumer<StateChange> listener) {
    listeners.add(listener);
    return position.copy();
  }

  synchronized void unsubscribe(Consumer<StateChange> listener) {
    listeners.remove(listener);
  }

  private void read() {
    try {
      Map<TopicPartition, Long> startEnds = reader.seek(FeedPosition.start());
      FeedPosition startEnd = FeedPosition.start();
      startEnds.forEach((partition, end) -> startEnd.advance(partition.partition(), end - 1));
      while (running) {
        reader.poll(this::apply);
        if (!caughtUp) {
          caughtUp = reader.hasReached(startEnd);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error(
          "Stopped reading {}: the aggregator's HTTP state is no longer updated; restart the aggregator",
          Topics.POSITION_CHANGES.name(),
          e);
    } finally {
      reader.close();
    }
  }

  private synchronized void apply(StateChange change) {
    PositionState after = change.change().getAfter();
    if (after == null) {
      states.remove(change.key());
    } else {
      states.put(change.key(), after);
    }
    position.advance(change.partition(), change.offset());
    recent.addLast(change);
    if (recent.size() > RECENT_CHANGES) {
      recent.removeFirst();
    }
    listeners.forEach(listener -> listener.accept(change));
  }

  @Override
  public void close() {
    running = false;
    reader.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
