package dev.parley.aggregator;

import dev.parley.common.ParleyService;
import dev.parley.common.RunningService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceHttp;
import dev.parley.common.ServiceMetrics;
import dev.parley.common.StreamsRunner;
import dev.parley.common.TopicCreator;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/** The aggregator: a Kafka Streams app keeping the live state, served over HTTP and SSE. */
public final class AggregatorService {

  public static final int DEFAULT_PORT = 8090;

  private AggregatorService() {}

  public static ParleyService start(ServiceConfig config) {
    TopicCreator.ensure(config, List.of(Topics.POSITIONS, Topics.POSITION_STATE, Topics.POSITION_CHANGES));
    SchemaRegistryClient registry = config.schemaRegistry();
    PrometheusMeterRegistry metrics = ServiceMetrics.create("aggregator");
    StreamsRunner streams = new StreamsRunner("aggregator", AggregatorTopology.buildTopology(registry), config, metrics);
    PositionStateView view = new PositionStateView(config, registry);
    try {
      ServiceHttp http = ServiceHttp.start("aggregator", config, DEFAULT_PORT, () -> streams.isRunning() && view.isCaughtUp(), metrics,
          cfg -> {
            new StateRoutes(view, config, registry).register(cfg);
            Dashboard.register(cfg);
          });
      view.start();
      streams.start();
      return new RunningService("aggregator", http, streams, view);
    } catch (RuntimeException e) {
      throw RunningService.closeAfterFailure(e, streams, view);
    }
  }
}
