package dev.parley.cli.faults;

import dev.parley.aggregator.AggregatorMain;
import dev.parley.cli.local.FreePort;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.TopicCreator;
import dev.parley.common.Topics;
import dev.parley.extractor.ExtractorMain;
import dev.parley.registry.server.RegistryServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a three-node cluster (replication 3, min.insync 2), with two instances of each
 * Streams app, while articles arrive: one Kafka node is killed with -9, later restarted under the
 * running services, and then the second extractor and aggregator are killed with -9, so that the
 * first ones take their work over. Every acknowledged article is on parley.articles once, and the
 * state ends equal, field by field, to that of a run without faults.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ClusterFaultsIT {

  private static final int VICTIM = 3;

  /** The registry's writes need a key; the services register their schemas with it. */
  private static final String REGISTRY_ADMIN_KEY = "cluster-faults-admin-key";

  @TempDir static Path data;

  @Test
  void aNodeKilledAndRestartedAndAnInstanceOfEachAppKilledChangeNothing() throws Exception {
    FaultyRun run = FaultyRun.afterTheFaultFreeRun();
    try (KafkaCluster cluster = KafkaCluster.start(data.resolve("kafka"))) {
      ServiceConfig config =
          ServiceConfig.of(
              Map.of(
                  ServiceConfig.KAFKA_BOOTSTRAP_SERVERS,
                  cluster.bootstrapServers(),
                  ServiceConfig.HTTP_HOST,
                  "127.0.0.1",
                  ServiceConfig.HTTP_PORT,
                  String.valueOf(FreePort.any()),
                  ServiceConfig.SCHEMA_REGISTRY_ADMIN_KEY,
                  REGISTRY_ADMIN_KEY,
                  ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                  "admin:" + REGISTRY_ADMIN_KEY));
      TopicCreator.ensure(config, Topics.ALL);
      try (ParleyService registry = RegistryServer.start(config);
          LocalStack first =
              LocalStack.attach(
                  config.with(ServiceConfig.SCHEMA_REGISTRY_URL, registry.httpAddress().toString()),
                  data.resolve("first"),
                  new LocalStack.Ports(0, 0, 0, 0, 0, 0),
                  System.out);
          ChildProcess secondExtractor =
              secondInstance("extractor", ExtractorMain.class, cluster, registry);
          ChildProcess secondAggregator =
              secondInstance("aggregator", AggregatorMain.class, cluster, registry)) {
        URI ingestor = first.ingestor().httpAddress();
        AcknowledgedPushes pushes = run.client(first.feedKey());
        pushes.push(ingestor, 0, run.from(1, 4));

        pushes.pushWhile(ingestor, run.from(1, 4), run.from(2, 4), () -> cluster.kill(VICTIM));
        pushes.sendAgain(ingestor);

        pushes.pushWhile(ingestor, run.from(2, 4), run.from(3, 4), () -> cluster.restart(VICTIM));
        pushes.sendAgain(ingestor);

        pushes.pushWhile(
            ingestor,
            run.from(3, 4),
            run.size(),
            () -> {
              secondExtractor.kill();
              secondAggregator.kill();
            });
        pushes.sendAgain(ingestor);

        run.assertNothingChanged(
            pushes, cluster.bootstrapServers(), registry.httpAddress().toString());
      }
    }
  }

  /**
   * Another instance of a Streams app, in a process of its own with its own state, once it is
   * ready.
   */
  private static ChildProcess secondInstance(
      String app, Class<?> main, KafkaCluster cluster, ParleyService registry) throws Exception {
    Path folder = Files.createDirectories(data.resolve("second-" + app));
    int port = FreePort.any();
    ChildProcess instance =
        ChildProcess.java(
                "second " + app,
                main,
                List.of(),
                Map.of(
                    ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                    ServiceConfig.SCHEMA_REGISTRY_URL, registry.httpAddress().toString(),
                    ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                        "admin:" + REGISTRY_ADMIN_KEY,
                    ServiceConfig.HTTP_HOST, "127.0.0.1",
                    ServiceConfig.HTTP_PORT, String.valueOf(port),
                    ServiceConfig.STATE_DIR, folder.resolve("state").toString()),
                ChildProcess.logFile("second-" + app))
            .start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build();
    instance.await(
        () -> {
          try {
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          } catch (Exception e) {
            return false;
          }
        },
        "ready");
    return instance;
  }
}
