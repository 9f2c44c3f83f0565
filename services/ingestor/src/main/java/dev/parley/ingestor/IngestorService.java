package dev.parley.ingestor;

import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceHttp;
import dev.parley.common.ServiceMetrics;
import dev.parley.common.TopicCreator;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClients;
import java.net.URI;
import java.util.List;

/** The ingestor: validates, cleans and publishes articles pushed over HTTP. */
public final class IngestorService implements ParleyService {

  public static final int DEFAULT_PORT = 8080;

  private final ArticlePublisher publisher;
  private final ServiceHttp http;

  private IngestorService(ArticlePublisher publisher, ServiceHttp http) {
    this.publisher = publisher;
    this.http = http;
  }

  public static IngestorService start(ServiceConfig config) {
    TopicCreator.ensure(config, List.of(Topics.ARTICLES, Topics.REJECTED));
    ArticlePublisher publisher = new ArticlePublisher(config, SchemaRegistryClients.forUrl(config.schemaRegistryUrl()));
    try {
      IngestRoutes routes = new IngestRoutes(publisher, config);
      ServiceHttp http = ServiceHttp.start("ingestor", config, DEFAULT_PORT, () -> true, ServiceMetrics.create("ingestor"), routes::register);
      return new IngestorService(publisher, http);
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "ingestor";
  }

  @Override
  public URI httpAddress() {
    return http.address();
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void close() {
    http.close();
    publisher.close();
  }
}
