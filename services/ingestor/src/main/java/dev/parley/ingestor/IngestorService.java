package dev.parley.ingestor;

import dev.parley.common.KafkaSettings;
import dev.parley.common.ParleyService;
import dev.parley.common.RunningService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceHttp;
import dev.parley.common.ServiceMetrics;
import dev.parley.common.TopicCreator;
import dev.parley.common.Topics;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestor: validates, cleans and publishes articles pushed over HTTP. It stops in the order
 * that leaves no sender guessing: refuse new pushes (503), flush what Kafka has been given, answer
 * the pushes in flight, then stop the server and the producer.
 */
public final class IngestorService {

  private static final Logger LOG = LoggerFactory.getLogger(IngestorService.class);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private IngestorService() {}

  public static ParleyService start(ServiceConfig environment) {
    IngestorConfig config = IngestorConfig.from(environment);
    KafkaSettings kafka = config.service().kafka();
    FeedKeys keys = FeedKeys.from(config);
    TopicCreator.ensure(
        kafka, config.service().topics(), List.of(Topics.ARTICLES, Topics.REJECTED));
    ArticlePublisher publisher =
        new ArticlePublisher(kafka, kafka.schemaRegistry(), config.limits());
    try {
      ShutdownGate gate = new ShutdownGate();
      IngestRoutes routes = new IngestRoutes(publisher, config.limits(), keys, gate);
      ServiceHttp http =
          ServiceHttp.start(
              "ingestor",
              config.service().http(),
              () -> true,
              ServiceMetrics.create("ingestor"),
              routes::register);
      return RunningService.draining("ingestor", () -> drain(gate, publisher), http, publisher);
    } catch (RuntimeException e) {
      throw RunningService.closeAfterFailure(e, publisher);
    }
  }

  private static void drain(ShutdownGate gate, ArticlePublisher publisher) {
    gate.close();
    publisher.flush();
    try {
      int open = gate.awaitIdle(DRAIN_TIMEOUT);
      if (open > 0) {
        LOG.warn(
            "Stopping with {} pushes unanswered after {}; their senders will see the connection close and must send again.",
            open,
            DRAIN_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
