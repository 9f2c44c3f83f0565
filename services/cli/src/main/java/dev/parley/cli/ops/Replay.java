package dev.parley.cli.ops;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Copies a range of a topic, record by record and partition by partition in offset order, into a
 * topic: the bytes of key and value as they are (so the values keep their schema ids), the
 * timestamp, the headers, plus headers that say where each copy came from. In a dry run it only
 * counts. It can be stopped at any time from another thread; it then flushes what it sent and
 * reports, per partition, the offset to resume from: everything before it was written and
 * acknowledged, nothing from it on was. One run per instance.
 */
public final class Replay {

  /** Which partition, topic and offset a copy was made from: {@code parley.articles/2/1234}. */
  public static final String SOURCE_HEADER = "parley.replay.source";

  /** When the replay that made the copy started, ISO-8601: identifies one run. */
  public static final String AT_HEADER = "parley.replay.at";

  /**
   * What a run did. {@code next} holds, per partition, the first offset not moved; {@code failure}
   * is why it stopped early, if it did not stop because it was asked to.
   */
  public record Outcome(
      ReplayRange range,
      Map<Integer, Long> next,
      Map<Integer, Long> movedPerPartition,
      long filteredOut,
      long unreadable,
      long olderVersions,
      boolean stopped,
      String failure) {

    public boolean complete() {
      return range.partitions().stream().allMatch(p -> next.get(p.partition()) >= p.end());
    }

    public long moved() {
      return movedPerPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The range that is left to do. */
    public ReplayRange rest() {
      return range.from(next);
    }
  }

  /**
   * Where the copies go: a topic, and whether each keeps its partition (same partition count) or
   * goes by key.
   */
  public record Target(String topic, boolean keepPartition) {}

  private final ClusterOptions cluster;
  private final ReplayRange range;
  private final Target target;
  private final RecordFilter filter;
  private final RecordJson values;
  private final NewestRevisions newest;
  private final long maxRate;
  private final ProgressBar progress;
  private volatile boolean stopRequested;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Map<Integer, Long> firstFailedOffset = new ConcurrentHashMap<>();
  private final Map<Integer, Long> next = new HashMap<>();
  private final Map<Integer, Long> moved = new HashMap<>();
  private long movedTotal;
  private long firstMoveNanos;
  private long filteredOut;
  private long unreadable;
  private long olderVersions;

  /**
   * {@code target} null: a dry run. {@code newest} null: every version of an article moves. {@code
   * maxRate} 0: as fast as Kafka takes them.
   */
  public Replay(
      ClusterOptions cluster,
      ReplayRange range,
      Target target,
      RecordFilter filter,
      RecordJson values,
      NewestRevisions newest,
      long maxRate,
      ProgressBar progress) {
    this.cluster = cluster;
    this.range = range;
    this.target = target;
    this.filter = filter;
    this.values = values;
    this.newest = newest;
    this.maxRate = maxRate;
    this.progress = progress;
  }

  /** Asks a running replay to stop after the record it is at; {@link #run} then returns. */
  public void stop() {
    stopRequested = true;
  }

  public Outcome run(PrintWriter err) {
    Map<TopicPartition, Long> ends = new HashMap<>();
    for (ReplayRange.PartitionRange p : range.partitions()) {
      next.put(p.partition(), p.start());
      moved.put(p.partition(), 0L);
      if (p.offsets() > 0) {
        ends.put(p.topicPartition(range.topic()), p.end());
      }
    }
    String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer();
        KafkaProducer<byte[], byte[]> producer = target == null ? null : cluster.producer()) {
      try {
        copy(consumer, producer, ends, at, err);
      } catch (KafkaException e) {
        failure.compareAndSet(null, e);
      }
      if (producer != null) {
        producer.flush();
      }
    }
    firstFailedOffset.forEach((partition, offset) -> next.merge(partition, offset, Math::min));
    progress.finish(done(), range.offsets(), detail());
    Exception failed = failure.get();
    return new Outcome(
        range,
        Map.copyOf(next),
        Map.copyOf(moved),
        filteredOut,
        unreadable,
        olderVersions,
        stopRequested,
        failed == null ? null : failed.getMessage());
  }

  private void copy(
      KafkaConsumer<byte[], byte[]> consumer,
      KafkaProducer<byte[], byte[]> producer,
      Map<TopicPartition, Long> ends,
      String at,
      PrintWriter err) {
    consumer.assign(ends.keySet());
    ends.keySet().forEach(tp -> consumer.seek(tp, next.get(tp.partition())));
    Set<TopicPartition> remaining = new HashSet<>(ends.keySet());
    while (!remaining.isEmpty()) {
      ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
      for (TopicPartition tp : batch.partitions()) {
        for (ConsumerRecord<byte[], byte[]> record : batch.records(tp)) {
          if (stopRequested || failure.get() != null) {
            return;
          }
          if (record.offset() >= ends.get(tp)) {
            break;
          }
          switch (take(record, err)) {
            case MOVE -> {
              if (producer != null) {
                send(producer, record, at);
              }
              moved.merge(tp.partition(), 1L, Long::sum);
              pace(++movedTotal);
            }
            case FILTERED_OUT -> filteredOut++;
            case UNREADABLE -> unreadable++;
            case OLDER_VERSION -> olderVersions++;
          }
          next.put(tp.partition(), record.offset() + 1);
          progress.update(done(), range.offsets(), this::detail);
        }
      }
      for (TopicPartition tp : List.copyOf(remaining)) {
        // past the end, or only compacted-away offsets and transaction markers were left
        if (consumer.position(tp) >= ends.get(tp) || next.get(tp.partition()) >= ends.get(tp)) {
          next.put(tp.partition(), ends.get(tp));
          remaining.remove(tp);
          consumer.pause(List.of(tp));
        }
      }
      if (stopRequested || failure.get() != null) {
        return;
      }
    }
  }

  private enum Decision {
    MOVE,
    FILTERED_OUT,
    UNREADABLE,
    OLDER_VERSION
  }

  private Decision take(ConsumerRecord<byte[], byte[]> record, PrintWriter err) {
    if (newest != null && newest.isOlder(record)) {
      return Decision.OLDER_VERSION;
    }
    try {
      return filter.matches(RecordJson.key(record), () -> values.value(record))
          ? Decision.MOVE
          : Decision.FILTERED_OUT;
    } catch (RecordJson.UnreadableRecordException e) {
      err.println("parley replay: not moved, the filter cannot read " + e.getMessage());
      return Decision.UNREADABLE;
    }
  }

  private void send(
      KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record, String at) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.remove(SOURCE_HEADER);
    headers.remove(AT_HEADER);
    headers.add(
        SOURCE_HEADER,
        (record.topic() + "/" + record.partition() + "/" + record.offset())
            .getBytes(StandardCharsets.UTF_8));
    headers.add(AT_HEADER, at.getBytes(StandardCharsets.UTF_8));
    ProducerRecord<byte[], byte[]> copy =
        new ProducerRecord<>(
            target.topic(),
            target.keepPartition() ? record.partition() : null,
            record.timestamp(),
            record.key(),
            record.value(),
            headers);
    producer.send(
        copy,
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
            firstFailedOffset.merge(record.partition(), record.offset(), Math::min);
          }
        });
  }

  /**
   * Holds the rate under --rate from the first record on, so that a replay does not crowd out live
   * traffic.
   */
  private void pace(long movedSoFar) {
    if (maxRate <= 0) {
      return;
    }
    if (firstMoveNanos == 0) {
      firstMoveNanos = System.nanoTime();
    }
    long due = firstMoveNanos + (long) (movedSoFar * 1e9 / maxRate);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopRequested = true;
      }
    }
  }

  private long done() {
    return range.partitions().stream()
        .mapToLong(p -> Math.max(0, Math.min(next.get(p.partition()), p.end()) - p.start()))
        .sum();
  }

  private String detail() {
    return (target == null ? movedTotal + " would move" : movedTotal + " moved")
        + (filteredOut > 0 ? ", " + filteredOut + " filtered out" : "")
        + (unreadable > 0 ? ", " + unreadable + " unreadable" : "")
        + (olderVersions > 0 ? ", " + olderVersions + " older versions" : "");
  }
}
