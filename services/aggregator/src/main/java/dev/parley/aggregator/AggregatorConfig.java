package dev.parley.aggregator;

import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceSettings;
import dev.parley.common.StreamsSettings;

/**
 * The aggregator's configuration, read once at start-up; a wrong value stops it there, naming the
 * variable.
 */
public record AggregatorConfig(
    ServiceSettings service, StreamsSettings streams, int sseMaxSubscribers) {

  public static final String APP = "aggregator";
  public static final int DEFAULT_PORT = 8090;

  /**
   * Each subscriber holds a thread: enough for a newsroom's dashboards, bounded for the machine.
   */
  public static final int DEFAULT_SSE_MAX_SUBSCRIBERS = 100;

  public static AggregatorConfig from(ServiceConfig config) {
    return new AggregatorConfig(
        ServiceSettings.from(config, DEFAULT_PORT),
        StreamsSettings.from(config, APP),
        config.getInt(ServiceConfig.SSE_MAX_SUBSCRIBERS, DEFAULT_SSE_MAX_SUBSCRIBERS, 1));
  }
}
