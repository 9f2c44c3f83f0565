package dev.parley.cli;

import dev.parley.aggregator.AggregatorConfig;
import dev.parley.cli.local.Demo;
import dev.parley.cli.local.LocalFeedKey;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ServiceConfig;
import dev.parley.extractor.ExtractorConfig;
import dev.parley.ingestor.IngestorConfig;
import dev.parley.registry.server.RegistryConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description =
        "Starts the local default: a real Kafka broker (KRaft) from Kafka's own jars on 127.0.0.1, the schema registry, "
            + "the ingestor, the extractor and the aggregator, in this process. Ctrl-C stops everything cleanly.",
    footer = {
      "",
      "Examples:",
      "  ./parley up --demo                 then push the five sample articles and watch the state change",
      "  ./parley up --data-dir /tmp/parley  keep Kafka's data and Streams state elsewhere",
      "  ./parley up --kafka-port 19092      when port 9092 is taken"
    })
final class UpCommand implements Callable<Integer> {

  @Option(
      names = "--demo",
      description =
          "Once up, push the sample articles one by one and print the position table after each.")
  boolean demo;

  @Option(
      names = "--articles",
      description =
          "Folder of articles for --demo (default: ../shared/articles beside the project).")
  Path articles;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:PARLEY_DATA_DIR}",
      description =
          "Where Kafka's log and the Streams state live (env PARLEY_DATA_DIR; default: .parley in the project).")
  Path dataDir;

  @Option(
      names = "--kafka-port",
      defaultValue = "" + LocalStack.KAFKA_PORT,
      description = "Kafka listener port (default ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--controller-port",
      defaultValue = "" + LocalStack.CONTROLLER_PORT,
      description = "KRaft controller port (default ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(
      names = "--registry-port",
      defaultValue = "" + RegistryConfig.DEFAULT_PORT,
      description = "Schema registry port (default ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(
      names = "--ingestor-port",
      defaultValue = "" + IngestorConfig.DEFAULT_PORT,
      description = "Ingestor port (default ${DEFAULT-VALUE}).")
  int ingestorPort;

  @Option(
      names = "--extractor-port",
      defaultValue = "" + ExtractorConfig.DEFAULT_PORT,
      description = "Extractor health/metrics port (default ${DEFAULT-VALUE}).")
  int extractorPort;

  @Option(
      names = "--aggregator-port",
      defaultValue = "" + AggregatorConfig.DEFAULT_PORT,
      description = "Aggregator port: state API and events (default ${DEFAULT-VALUE}).")
  int aggregatorPort;

  @Option(
      names = "--abort-committed-hanging",
      description =
          "After a crash, also abort the open transactions whose commit never reached a partition"
              + " (dropping those committed records there), so that readers of it can go on; then"
              + " rebuild the state with ./parley reprocess. Only when `up` said so.")
  boolean abortCommittedHanging;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    Path data = ParleyMain.dataDir(dataDir);
    LocalStack stack =
        LocalStack.start(
            data,
            new LocalStack.Ports(
                kafkaPort,
                controllerPort,
                registryPort,
                ingestorPort,
                extractorPort,
                aggregatorPort),
            abortCommittedHanging
                ? ServiceConfig.fromEnvironment().with(LocalStack.ABORT_COMMITTED_HANGING, "true")
                : ServiceConfig.fromEnvironment(),
            System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Parley...");
                  stack.close();
                  System.out.println("Stopped.");
                  stopped.countDown();
                },
                "parley-shutdown"));
    System.out.printf(
        "Kafka: %s   (export KAFKA_BOOTSTRAP_SERVERS=%s SCHEMA_REGISTRY_URL=%s)%n",
        stack.bootstrapServers(), stack.bootstrapServers(), stack.registry().httpAddress());
    System.out.printf(
        "Schema registry writes need the admin key (reads are open): export %s=parley:%s%n",
        ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, stack.registryAdminKey());
    if (stack.feedKey() != null) {
      System.out.printf(
          "Feed key: %s   (./parley push finds it in %s; elsewhere export %s=%s)%n",
          stack.feedKey(),
          data.resolve(LocalFeedKey.KEY_FILE),
          IngestorClient.FEED_KEY,
          stack.feedKey());
    }
    URI aggregator = stack.aggregator().httpAddress();
    System.out.printf(
        "Dashboard: %s/   state: %s/state   live changes: %s/events%n",
        aggregator, aggregator, aggregator);
    if (demo) {
      Path folder =
          articles != null ? articles : ParleyMain.home().resolve("../shared/articles").normalize();
      new Demo(stack.ingestorClient(), stack.aggregator().httpAddress(), System.out)
          .run(folder, started);
    }
    System.out.println("Parley is up. Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }
}
