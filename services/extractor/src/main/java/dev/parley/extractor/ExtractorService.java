package dev.parley.extractor;

import dev.parley.common.ParleyService;
import dev.parley.common.RunningService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceHttp;
import dev.parley.common.ServiceMetrics;
import dev.parley.common.StreamsRunner;
import dev.parley.common.TopicCreator;
import dev.parley.common.Topics;
import dev.parley.extractor.ontology.Ontology;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;

/**
 * The extractor: a Kafka Streams app from articles to positions, driven by the ontology in
 * PARLEY_ONTOLOGY.
 */
public final class ExtractorService {

  private ExtractorService() {}

  public static ParleyService start(ServiceConfig environment) {
    ExtractorConfig config = ExtractorConfig.from(environment);
    Ontology ontology = config.loadOntology();
    TopicCreator.ensure(
        config.service().kafka(),
        config.service().topics(),
        List.of(Topics.ARTICLES, Topics.POSITIONS));
    PrometheusMeterRegistry metrics = ServiceMetrics.create("extractor");
    StreamsRunner streams =
        new StreamsRunner(
            ExtractorConfig.APP,
            ExtractorTopology.buildTopology(
                config.service().kafka().schemaRegistry(),
                new PositionExtractor(ontology),
                ontology),
            config.service().kafka(),
            config.service().topics(),
            config.streams(),
            metrics);
    try {
      ServiceHttp http =
          ServiceHttp.start(
              "extractor",
              config.service().http(),
              streams::isRunning,
              metrics,
              cfg ->
                  cfg.routes.get(
                      "/ontology",
                      ctx ->
                          ctx.json(
                              Map.of(
                                  "negotiation",
                                  ontology.negotiation(),
                                  "version",
                                  ontology.version(),
                                  "extractorVersion",
                                  PositionExtractor.VERSION))));
      streams.start();
      return new RunningService("extractor", http, streams);
    } catch (RuntimeException e) {
      throw RunningService.closeAfterFailure(e, streams);
    }
  }
}
