package dev.parley.cli.ops;

import dev.parley.common.StreamsRunner;
import dev.parley.common.Topics;
import java.util.List;

/** A Parley Streams app: its application id (also its consumer group) and the topics it reads. */
public record StreamsApp(String name, String applicationId, List<String> inputTopics) {

  public static StreamsApp extractor(String applicationId) {
    return new StreamsApp("extractor", applicationId, List.of(Topics.ARTICLES.name()));
  }

  public static StreamsApp aggregator(String applicationId) {
    return new StreamsApp("aggregator", applicationId, List.of(Topics.POSITIONS.name()));
  }

  /** The apps as Parley names them unless PARLEY_APPLICATION_ID said otherwise, upstream first. */
  public static List<StreamsApp> defaults() {
    return List.of(
        extractor(StreamsRunner.defaultApplicationId("extractor")),
        aggregator(StreamsRunner.defaultApplicationId("aggregator")));
  }

  /** An app that is not one of Parley's own: only the topics it committed offsets for are known. */
  static StreamsApp other(String groupId) {
    return new StreamsApp(groupId, groupId, List.of());
  }

  /**
   * Kafka Streams names an app's repartition topics {@code <application id>-<name>-repartition}.
   */
  boolean ownsRepartitionTopic(String topic) {
    return topic.startsWith(applicationId + "-") && topic.endsWith("-repartition");
  }
}
