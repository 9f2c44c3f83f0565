package dev.parley.cli.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The records a replay moves: in each partition, from a start offset up to an end offset
 * (exclusive), fixed before the first record moves, so that a replay into its own topic never
 * chases the copies it writes.
 */
public record ReplayRange(String topic, List<PartitionRange> partitions) {

  /** One partition's share: offsets {@code start} (inclusive) to {@code end} (exclusive). */
  public record PartitionRange(int partition, long start, long end) {
    public long offsets() {
      return Math.max(0, end - start);
    }

    TopicPartition topicPartition(String topic) {
      return new TopicPartition(topic, partition);
    }
  }

  public ReplayRange {
    partitions =
        partitions.stream().sorted(Comparator.comparingInt(PartitionRange::partition)).toList();
  }

  /**
   * {@code from} selects the partitions (all, unless it names some) and where each starts; {@code
   * until} where each ends, at the latest the end the partition has now.
   */
  public static ReplayRange resolve(
      Consumer<?, ?> consumer,
      String topic,
      Collection<TopicPartition> all,
      LogPosition from,
      LogPosition until) {
    if (until instanceof LogPosition.Beginning) {
      throw new IllegalArgumentException(
          "--until beginning leaves nothing to replay; give an end: end, a time or offsets.");
    }
    Map<TopicPartition, Long> starts = from.resolve(consumer, all);
    Map<TopicPartition, Long> endsNow = consumer.endOffsets(starts.keySet());
    Map<TopicPartition, Long> untils = until.resolve(consumer, starts.keySet());
    List<PartitionRange> ranges = new ArrayList<>();
    starts.forEach(
        (p, start) ->
            ranges.add(
                new PartitionRange(
                    p.partition(),
                    start,
                    Math.min(endsNow.get(p), untils.getOrDefault(p, endsNow.get(p))))));
    return new ReplayRange(topic, ranges);
  }

  public long offsets() {
    return partitions.stream().mapToLong(PartitionRange::offsets).sum();
  }

  /** The same range from other start offsets, e.g. where an interrupted replay stopped. */
  public ReplayRange from(Map<Integer, Long> starts) {
    return new ReplayRange(
        topic,
        partitions.stream()
            .map(
                p ->
                    new PartitionRange(
                        p.partition(), starts.getOrDefault(p.partition(), p.start()), p.end()))
            .toList());
  }

  /**
   * {@code --from} and {@code --until} as partition:offset pairs: the exact range, whatever has
   * been written since.
   */
  public List<String> arguments() {
    return List.of("--from", pairs(PartitionRange::start), "--until", pairs(PartitionRange::end));
  }

  private String pairs(ToLongFunction<PartitionRange> offset) {
    return partitions.stream()
        .map(p -> p.partition() + ":" + offset.applyAsLong(p))
        .collect(Collectors.joining(","));
  }
}
