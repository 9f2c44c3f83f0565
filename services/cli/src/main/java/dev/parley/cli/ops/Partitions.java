package dev.parley.cli.ops;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The partitions of a topic, or a failure that says where to look for the right name. */
final class Partitions {

  private Partitions() {}

  static List<TopicPartition> of(Admin admin, String topic) throws InterruptedException {
    try {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      return description.partitions().stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new IllegalArgumentException(
            "There is no topic "
                + topic
                + " on this cluster; `parley topics` lists the topics there are.");
      }
      throw new IllegalStateException(
          "Cannot describe topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }
}
