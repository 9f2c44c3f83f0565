package dev.parley.aggregator;

import dev.parley.common.KafkaSettings;
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

  private AggregatorService() {}

  public static ParleyService start(ServiceConfig environment) {
    AggregatorConfig config = AggregatorConfig.from(environment);
    KafkaSettings kafka = config.service().kafka();
    TopicCreator.ensure(
        kafka,
        config.service().topics(),
        List.of(Topics.POSITIONS, Topics.POSITION_STATE, Topics.POSITION_CHANGES));
    SchemaRegistryClient registry = kafka.schemaRegistry();
    PrometheusMeterRegistry metrics = ServiceMetrics.create("aggregator");
    StreamsRunner streams =
        new StreamsRunner(
            AggregatorConfig.APP,
            AggregatorTopology.buildTopology(registry),
            kafka,
            config.service().topics(),
            config.streams(),
            metrics);
    PositionStateView view = new PositionStateView(kafka, registry);
    try {
      ServiceHttp http =
          ServiceHttp.start(
              "aggregator",
              config.service().http(),
              () -> streams.isRunning() && view.isCaughtUp(),
              metrics,
              cfg -> {
                new StateRoutes(view, kafka, registry, config.sseMaxSubscribers()).register(cfg);
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
