package dev.parley.common;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How Parley creates its topics: partitions of the data topics (PARLEY_TOPIC_PARTITIONS, default 3)
 * and the replication factor of every topic it creates, Streams' internal ones included
 * (PARLEY_TOPIC_REPLICATION, default: the cluster's {@code default.replication.factor}).
 */
public record TopicSettings(int partitions, Optional<Short> replication) {

  public static final int DEFAULT_PARTITIONS = 3;

  public static TopicSettings from(ServiceConfig config) {
    int partitions = config.getInt(ServiceConfig.TOPIC_PARTITIONS, DEFAULT_PARTITIONS, 1);
    Optional<Integer> replication = config.getOptionalInt(ServiceConfig.TOPIC_REPLICATION, 1);
    if (replication.isPresent() && replication.get() > Short.MAX_VALUE) {
      throw new InvalidConfigException(
          ServiceConfig.TOPIC_REPLICATION,
          String.valueOf(replication.get()),
          "is more than any cluster has brokers; set the number of copies to keep, e.g. 3");
    }
    return new TopicSettings(partitions, replication.map(Integer::shortValue));
  }

  /** The replication factor as Kafka Streams takes it: -1 for the cluster's default. */
  public int streamsReplicationFactor() {
    return replication.map(Short::intValue).orElse(-1);
  }

  public NewTopic newTopic(Topic<?> topic) {
    return newTopic(topic.name(), partitions, topic.configs());
  }

  public NewTopic newTopic(TextTopic topic) {
    return newTopic(topic.name(), topic.partitions(), topic.configs());
  }

  public NewTopic newTopic(DeadLetterTopic topic) {
    return newTopic(topic.name(), DeadLetterTopic.PARTITIONS, topic.configs());
  }

  private NewTopic newTopic(String name, int partitionCount, Map<String, String> configs) {
    return new NewTopic(name, Optional.of(partitionCount), replication).configs(configs);
  }
}
