package dev.parley.ingestor;

import dev.parley.common.ParleyService;
import dev.parley.common.RunningService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceHttp;
import dev.parley.common.ServiceMetrics;
import dev.parley.common.TopicCreator;
import dev.parley.common.Topics;
import java.util.List;

/** The ingestor: validates, cleans and publishes articles pushed over HTTP. */
public final class IngestorService {

  private IngestorService() {}

  public static ParleyService start(ServiceConfig environment) {
    IngestorConfig config = IngestorConfig.from(environment);
    TopicCreator.ensure(config.kafka(), config.topics(), List.of(Topics.ARTICLES, Topics.REJECTED));
    ArticlePublisher publisher = new ArticlePublisher(config.kafka(), config.kafka().schemaRegistry());
    try {
      IngestRoutes routes = new IngestRoutes(publisher, config);
      ServiceHttp http = ServiceHttp.start("ingestor", config.http(), () -> true, ServiceMetrics.create("ingestor"), routes::register);
      return new RunningService("ingestor", http, publisher);
    } catch (RuntimeException e) {
      throw RunningService.closeAfterFailure(e, publisher);
    }
  }
}
