package dev.parley.cli.ops;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * A Streams app as Kafka sees it: its consumer group's state and members, its lag per input topic
 * (records up to the last committed transaction that it has not committed past; a partition it has
 * not committed on yet counts from its first offset, where a new app starts), and per input topic
 * the records still in transactions neither committed nor aborted. Those are work it cannot see
 * yet: a producer killed in a transaction holds back every record written after its first one until
 * the transaction times out, while the lag reads 0.
 */
public record AppStatus(
    StreamsApp app,
    GroupState state,
    List<Member> members,
    Map<String, Long> lagByTopic,
    Map<String, Long> undecidedByTopic) {

  /** One running instance's consumer. */
  public record Member(String clientId, String host) {
    @Override
    public String toString() {
      return clientId + " on " + host;
    }
  }

  public boolean running() {
    return !members.isEmpty();
  }

  public long lag() {
    return lagByTopic.values().stream().mapToLong(Long::longValue).sum();
  }

  public long undecided() {
    return undecidedByTopic.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Running, with nothing left to read and nothing waiting for a transaction to end. */
  public boolean caughtUp() {
    return running() && lag() == 0 && undecided() == 0;
  }

  public static AppStatus of(Admin admin, StreamsApp app) throws InterruptedException {
    try {
      GroupState state = GroupState.DEAD;
      List<Member> members = List.of();
      try {
        ConsumerGroupDescription group =
            admin
                .describeConsumerGroups(List.of(app.applicationId()))
                .all()
                .get()
                .get(app.applicationId());
        state = group.groupState();
        members = group.members().stream().map(m -> new Member(m.clientId(), m.host())).toList();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(app.applicationId()).partitionsToOffsetAndMetadata().get();
      Set<String> existing = admin.listTopics().names().get();
      Set<String> topics = new HashSet<>(app.inputTopics());
      existing.stream().filter(app::ownsRepartitionTopic).forEach(topics::add);
      committed.keySet().forEach(p -> topics.add(p.topic()));
      // the reset tool deletes internal topics; an input topic may not have been created yet
      topics.retainAll(existing);
      List<TopicPartition> partitions =
          admin.describeTopics(topics).allTopicNames().get().values().stream()
              .flatMap(
                  t ->
                      t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
              .toList();
      Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
      return new AppStatus(
          app,
          state,
          members,
          lag(admin, partitions, ends, committed),
          undecided(admin, partitions, ends));
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Cannot read the consumer group "
              + app.applicationId()
              + ": "
              + e.getCause().getMessage()
              + ". Check that the cluster is up and that these credentials may describe groups.",
          e.getCause());
    }
  }

  private static Map<String, Long> lag(
      Admin admin,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends,
      Map<TopicPartition, OffsetAndMetadata> committed)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, Long> starts =
        offsets(
            admin,
            partitions.stream().filter(p -> committed.get(p) == null).toList(),
            OffsetSpec.earliest());
    Map<String, Long> lag = new TreeMap<>();
    for (TopicPartition p : partitions) {
      OffsetAndMetadata done = committed.get(p);
      long from = done != null ? done.offset() : starts.get(p);
      lag.merge(p.topic(), Math.max(0, ends.get(p) - from), Long::sum);
    }
    return lag;
  }

  /**
   * The records between the last stable offset (before the first record of a transaction still
   * open) and the end of each partition.
   */
  private static Map<String, Long> undecided(
      Admin admin, List<TopicPartition> partitions, Map<TopicPartition, Long> stableEnds)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, Long> ends =
        offsets(admin, partitions, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
    Map<String, Long> undecided = new TreeMap<>();
    for (TopicPartition p : partitions) {
      undecided.merge(p.topic(), Math.max(0, ends.get(p) - stableEnds.get(p)), Long::sum);
    }
    return undecided;
  }

  /**
   * Read-committed offsets: what a transaction left open or aborted is no work for an exactly-once
   * app.
   */
  static Map<TopicPartition, Long> offsets(
      Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException {
    return offsets(admin, partitions, spec, IsolationLevel.READ_COMMITTED);
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation)
      throws ExecutionException, InterruptedException {
    if (partitions.isEmpty()) {
      return new HashMap<>();
    }
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)),
            new ListOffsetsOptions(isolation))
        .all()
        .get()
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }
}
