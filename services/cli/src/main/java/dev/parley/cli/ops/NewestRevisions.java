package dev.parley.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.common.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The newest revision of each article already on {@code parley.articles} or in a replay's range. A
 * replay into {@code parley.articles} moves no older version than that: the topic is compacted and
 * keeps the record written last for each id, so an old version replayed after an edit would become
 * the article for whoever reads the topic from its start (a reprocess, a new instance). Holds one
 * entry per article id, about 100 bytes each.
 */
final class NewestRevisions {

  private static final long NO_VERSION = Long.MIN_VALUE;

  private final RecordJson values;
  private final Map<String, Long> newest = new HashMap<>();

  private final ProgressBar progress;
  private long read;
  private long total;

  private NewestRevisions(RecordJson values, ProgressBar progress) {
    this.values = values;
    this.progress = progress;
  }

  /**
   * Reads {@code parley.articles} up to its end now, and the range too when it is in another topic,
   * showing its progress.
   */
  static NewestRevisions read(
      ClusterOptions cluster, RecordJson values, ReplayRange range, ProgressBar progress) {
    NewestRevisions revisions = new NewestRevisions(values, progress);
    try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer()) {
      List<TopicPartition> articles =
          consumer.partitionsFor(Topics.ARTICLES.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      Map<TopicPartition, Long> from = new HashMap<>();
      articles.forEach(p -> from.put(p, 0L));
      Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(articles));
      if (!range.topic().equals(Topics.ARTICLES.name())) {
        for (ReplayRange.PartitionRange p : range.partitions()) {
          from.put(p.topicPartition(range.topic()), p.start());
          ends.put(p.topicPartition(range.topic()), p.end());
        }
      }
      ends.forEach((p, end) -> revisions.total += Math.max(0, end - from.get(p)));
      revisions.readAll(consumer, from, ends);
    }
    progress.finish(revisions.read, revisions.total, revisions.newest.size() + " articles");
    return revisions;
  }

  /** True for a version of an article older than the newest one read. */
  boolean isOlder(ConsumerRecord<byte[], byte[]> record) {
    String id = RecordJson.key(record);
    long revision = revision(record);
    return id != null && revision != NO_VERSION && revision < newest.getOrDefault(id, NO_VERSION);
  }

  private void readAll(
      KafkaConsumer<byte[], byte[]> consumer,
      Map<TopicPartition, Long> from,
      Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Long> left = new HashMap<>(ends);
    left.entrySet().removeIf(e -> e.getValue() <= from.get(e.getKey()));
    consumer.assign(left.keySet());
    left.keySet().forEach(p -> consumer.seek(p, from.get(p)));
    while (!left.isEmpty()) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String id = RecordJson.key(record);
        if (id != null && record.offset() < ends.get(partition)) {
          newest.merge(id, revision(record), Math::max);
        }
        read++;
      }
      progress.update(read, total, () -> newest.size() + " articles");
      // past the end, or only compacted-away offsets and transaction markers were left
      left.keySet().removeIf(p -> consumer.position(p) >= left.get(p));
    }
  }

  /** A tombstone or a record that cannot be read is no version: it is never skipped. */
  private long revision(ConsumerRecord<byte[], byte[]> record) {
    try {
      JsonNode value = values.value(record);
      return value == null ? NO_VERSION : value.path("revision").asLong(0);
    } catch (RecordJson.UnreadableRecordException e) {
      return NO_VERSION;
    }
  }
}
