package dev.parley.extractor;

import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceHttp;
import dev.parley.common.ServiceMetrics;
import dev.parley.common.StreamsRunner;
import dev.parley.common.TopicCreator;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClients;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The extractor: a Kafka Streams app from articles to positions, driven by the ontology in PARLEY_ONTOLOGY. */
public final class ExtractorService implements ParleyService {

  public static final int DEFAULT_PORT = 8070;

  private final StreamsRunner streams;
  private final ServiceHttp http;

  private ExtractorService(StreamsRunner streams, ServiceHttp http) {
    this.streams = streams;
    this.http = http;
  }

  public static ExtractorService start(ServiceConfig config) {
    Ontology ontology = Ontology.fromSetting(config.get(ServiceConfig.ONTOLOGY, null));
    TopicCreator.ensure(config, List.of(Topics.ARTICLES, Topics.POSITIONS));
    PrometheusMeterRegistry metrics = ServiceMetrics.create("extractor");
    StreamsRunner streams = new StreamsRunner("extractor",
        ExtractorTopology.buildTopology(SchemaRegistryClients.forUrl(config.schemaRegistryUrl()), new PositionExtractor(ontology), ontology),
        config, metrics);
    ServiceHttp http = ServiceHttp.start("extractor", config, DEFAULT_PORT, streams::isRunning, metrics,
        cfg -> cfg.routes.get("/ontology", ctx -> ctx.json(Map.of("negotiation", ontology.negotiation(), "version", ontology.version(),
            "extractorVersion", PositionExtractor.VERSION))));
    streams.start();
    return new ExtractorService(streams, http);
  }

  @Override
  public String name() {
    return "extractor";
  }

  @Override
  public URI httpAddress() {
    return http.address();
  }

  @Override
  public boolean isReady() {
    return streams.isRunning();
  }

  @Override
  public void close() {
    streams.close();
    http.close();
  }
}
