package dev.parley.aggregator;

import dev.parley.avro.PositionState;
import dev.parley.common.KafkaSettings;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
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
  private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(PositionStateView.class);

  private final NavigableMap<String, PositionState> states = new TreeMap<>();
  private final Deque<StateChange> recent = new ArrayDeque<>();
  private final List<Consumer<StateChange>> listeners = new ArrayList<>();
  private final FeedPosition position = FeedPosition.start();
  private final Supplier<ChangeTopicReader> readers;
  private final Thread thread;
  private final AtomicInteger restarts = new AtomicInteger();
  private final Object readerLock = new Object();
  private final String bootstrapServers;
  private ChangeTopicReader reader;
  // the reader thread's own
  private FeedPosition startEnd;
  private Duration retry = FIRST_RETRY;
  private volatile boolean caughtUp;
  private volatile boolean closing;
  private final CountDownLatch closed = new CountDownLatch(1);

  PositionStateView(KafkaSettings kafka, SchemaRegistryClient registry) {
    this(kafka, registry, KAFKA_WAIT);
  }

  /** {@code kafkaWait}: how long a reader waits for Kafka before it gives up and starts again. */
  PositionStateView(KafkaSettings kafka, SchemaRegistryClient registry, Duration kafkaWait) {
    this.readers = () -> new ChangeTopicReader(kafka, registry, kafkaWait);
    this.bootstrapServers = kafka.bootstrapServers();
    // made here, so that a configuration Kafka's client refuses stops the aggregator's start
    this.reader = readers.get();
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

  /**
   * How often reading started again after a failure (Kafka unreachable longer than the reader
   * waits, a record it could not read).
   */
  int restarts() {
    return restarts.get();
  }

  /**
   * Reads until closed. A failed reader is replaced by a new one that resumes where the view
   * stopped, after a pause that doubles up to {@link #LAST_RETRY}: the view is the aggregator's
   * HTTP state, and a broker restart must not freeze it.
   */
  private void read() {
    for (ChangeTopicReader current = takeReader(); current != null; current = nextReader()) {
      try (ChangeTopicReader open = current) {
        readUntilClosed(open);
      } catch (WakeupException | InterruptException e) {
        return; // closing
      } catch (RuntimeException e) {
        if (closing) {
          return;
        }
        LOG.warn(
            "Reading {} failed ({}); the aggregator's HTTP state is not updated until reading starts again in {} s. If this goes on, check that Kafka is reachable at {}",
            Topics.POSITION_CHANGES.name(),
            e.toString(),
            retry.toSeconds(),
            bootstrapServers,
            e);
        if (!pause(retry)) {
          return;
        }
        retry =
            retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        restarts.incrementAndGet();
      }
    }
  }

  /** Resumes where the view stopped; "caught up" is measured against the topic's first ends. */
  private void readUntilClosed(ChangeTopicReader current) {
    Map<TopicPartition, Long> ends = current.seek(resumePoint());
    if (startEnd == null) {
      FeedPosition firstEnds = FeedPosition.start();
      ends.forEach((partition, end) -> firstEnds.advance(partition.partition(), end - 1));
      startEnd = firstEnds;
    }
    retry = FIRST_RETRY;
    while (!closing) {
      current.poll(this::apply);
      if (!caughtUp) {
        caughtUp = current.hasReached(startEnd);
      }
    }
  }

  private synchronized FeedPosition resumePoint() {
    return position.copy();
  }

  /** The reader made in the constructor, unless closed before the thread ran. */
  private ChangeTopicReader takeReader() {
    synchronized (readerLock) {
      return closing ? null : reader;
    }
  }

  /** A new reader, or null once closing: close() wakes up whichever reader is current. */
  private ChangeTopicReader nextReader() {
    synchronized (readerLock) {
      if (closing) {
        return null;
      }
      reader = readers.get();
      return reader;
    }
  }

  /** False if the view was closed meanwhile. */
  private boolean pause(Duration retry) {
    try {
      return !closed.await(retry.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
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

  /**
   * Stops reading, within {@link #STOP_WAIT} whatever the reader is doing: polling, waiting for an
   * unreachable Kafka, or pausing before it starts again. It wakes the reader up rather than
   * interrupting its thread: an interrupted Kafka consumer cannot close cleanly.
   */
  @Override
  public void close() {
    synchronized (readerLock) {
      closing = true;
      reader.wakeup();
    }
    closed.countDown();
    if (thread.getState() == Thread.State.NEW) {
      reader.close();
      return;
    }
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn(
          "The reader of {} did not stop within {} s; the aggregator stops without it",
          Topics.POSITION_CHANGES.name(),
          STOP_WAIT.toSeconds());
    }
  }
}
