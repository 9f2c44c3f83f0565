package dev.parley.aggregator;

import dev.parley.common.HttpSettings;
import dev.parley.common.KafkaSettings;
import dev.parley.common.ServiceConfig;
import dev.parley.common.StreamsSettings;
import dev.parley.common.TopicSettings;

/**
 * The aggregator's configuration, read once at start-up; a wrong value stops it there, naming the
 * variable.
 */
public record AggregatorConfig(
    KafkaSettings kafka,
    HttpSettings http,
    TopicSettings topics,
    StreamsSettings streams,
    int sseMaxSubscribers) {

  public static final String APP = "aggregator";
  public static final int DEFAULT_PORT = 8090;

  /**
   * Each subscriber holds a thread: enough for a newsroom's dashboards, bounded for the machine.
   */
  public static final int DEFAULT_SSE_MAX_SUBSCRIBERS = 100;

  public static AggregatorConfig from(ServiceConfig config) {
    return new AggregatorConfig(
        KafkaSettings.from(config),
        HttpSettings.from(config, DEFAULT_PORT),
        TopicSettings.from(config),
        StreamsSettings.from(config, APP),
        config.getInt(ServiceConfig.SSE_MAX_SUBSCRIBERS, DEFAULT_SSE_MAX_SUBSCRIBERS, 1));
  }
}
