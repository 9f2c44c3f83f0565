package dev.parley.cli.local;

import dev.parley.aggregator.AggregatorService;
import dev.parley.cli.IngestorClient;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.TopicCreator;
import dev.parley.common.Topics;
import dev.parley.extractor.ExtractorService;
import dev.parley.ingestor.IngestorService;
import dev.parley.registry.server.RegistryServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;

/**
 * The local default: a KRaft broker, the schema registry and the three services in one process, all
 * on this machine, with data under one folder. Closing it stops them in reverse order.
 */
public final class LocalStack implements AutoCloseable {

  /** Where each part listens; a port of 0 picks a free one. */
  public record Ports(
      int kafka, int controller, int registry, int ingestor, int extractor, int aggregator) {
    Ports resolved() {
      try (FreePort.Reservation ports = new FreePort.Reservation()) {
        return new Ports(
            ports.or(kafka, "Kafka", "--kafka-port"),
            ports.or(controller, "KRaft controller", "--controller-port"),
            ports.or(registry, "schema registry", "--registry-port"),
            ports.or(ingestor, "ingestor", "--ingestor-port"),
            ports.or(extractor, "extractor", "--extractor-port"),
            ports.or(aggregator, "aggregator", "--aggregator-port"));
      }
    }
  }

  public static final int KAFKA_PORT = 9092;
  public static final int CONTROLLER_PORT = 9093;

  /**
   * "true": also abort the open transactions whose coordinator committed them (see {@link
   * HangingTransactions.Verdict#COMMITTED}), dropping their records there; set by {@code up
   * --abort-committed-hanging}.
   */
  public static final String ABORT_COMMITTED_HANGING = "PARLEY_ABORT_COMMITTED_HANGING";

  private static final String REBUILD_STATE =
      "./parley reprocess --from beginning --stop-apps --rebuild-state --execute";

  private final List<AutoCloseable> started = new ArrayList<>();
  private String feedKey;
  private EmbeddedKafkaBroker broker;
  private ParleyService registry;
  private String registryAdminKey;
  private ParleyService ingestor;
  private ParleyService extractor;
  private ParleyService aggregator;

  private LocalStack() {}

  /** Starts everything, printing progress to {@code out}; stops what it started if a part fails. */
  public static LocalStack start(Path dataDir, Ports wanted, ServiceConfig base, PrintStream out)
      throws Exception {
    Ports ports = wanted.resolved();
    LocalStack stack = new LocalStack();
    try {
      out.printf(
          "Starting Kafka (KRaft) on 127.0.0.1:%d, data in %s ...%n",
          ports.kafka(), dataDir.resolve("kafka").toAbsolutePath());
      stack.broker =
          stack.track(
              EmbeddedKafkaBroker.start(
                  dataDir.resolve("kafka"), ports.kafka(), ports.controller()));
      ServiceConfig config =
          base.with(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, stack.broker.bootstrapServers())
              .with(ServiceConfig.TOPIC_REPLICATION, "1");
      stack.registryAdminKey =
          base.get(ServiceConfig.SCHEMA_REGISTRY_ADMIN_KEY, RegistryServer.generateAdminKey());
      // The registry writes no transactions and reads uncommitted, so it starts while the
      // transactions a crash left open are looked for; the pipeline waits for both.
      List<Object> ready =
          together(
              () -> {
                abortHangingTransactions(
                    stack.broker.bootstrapServers(),
                    Boolean.parseBoolean(base.get(ABORT_COMMITTED_HANGING, "false")),
                    out);
                return null;
              },
              () -> {
                TopicCreator.ensure(config, Topics.ALL);
                return stack.startService(
                    local(config, dataDir)
                        .with(ServiceConfig.SCHEMA_REGISTRY_ADMIN_KEY, stack.registryAdminKey),
                    ports.registry(),
                    RegistryServer::start);
              });
      stack.registry = (ParleyService) ready.get(1);
      announce(stack.registry, out);
      stack.startPipeline(
          stack
              .withFeedKeys(local(config, dataDir), dataDir)
              .with(ServiceConfig.SCHEMA_REGISTRY_URL, stack.registry.httpAddress().toString())
              .with(
                  ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                  "parley:" + stack.registryAdminKey),
          ports,
          out);
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  /**
   * After a kill -9 of this process, broker included, a transaction can be left open on a partition
   * with nothing to end it; see {@link HangingTransactions}.
   */
  private static void abortHangingTransactions(
      String bootstrapServers, boolean abortCommitted, PrintStream out) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      HangingTransactions.Outcome outcome = HangingTransactions.abort(admin, abortCommitted);
      if (!outcome.fenced().isEmpty()) {
        out.printf(
            "Ended the transactions the stopped process left going on, of %s%n", outcome.fenced());
      }
      if (!outcome.aborted().isEmpty()) {
        out.printf(
            "Aborted the transactions a crash left open with nothing to end them, on %s%n",
            outcome.aborted());
      }
      List<HangingTransactions.Open> committed =
          outcome.aborted().stream()
              .filter(open -> open.verdict() == HangingTransactions.Verdict.COMMITTED)
              .toList();
      if (!committed.isEmpty()) {
        out.printf(
            "Warning: %d of them had been committed, but their commit never reached those"
                + " partitions: records committed there are dropped, and the state may miss"
                + " articles. To rebuild it from parley.articles once Parley is up: %s%n",
            committed.size(), REBUILD_STATE);
      }
      if (!outcome.committedLeftOpen().isEmpty()) {
        out.printf(
            "Warning: left open %s: their coordinator committed these transactions, but the commit"
                + " never reached those partitions, and Kafka can only abort them there, which"
                + " drops committed records. Until then whatever reads those partitions waits, so"
                + " Parley may not get ready. To drop them and go on: stop, start again with"
                + " ./parley up --abort-committed-hanging (same options), then rebuild the state:"
                + " %s%n",
            outcome.committedLeftOpen(), REBUILD_STATE);
      }
    }
  }

  /**
   * Starts only the ingestor, extractor and aggregator, against the Kafka cluster and schema
   * registry that {@code config} names.
   */
  public static LocalStack attach(ServiceConfig config, Path dataDir, Ports wanted, PrintStream out)
      throws Exception {
    LocalStack stack = new LocalStack();
    try {
      stack.startPipeline(
          stack.withFeedKeys(local(config, dataDir), dataDir), wanted.resolved(), out);
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private static ServiceConfig local(ServiceConfig config, Path dataDir) {
    return config
        .with(ServiceConfig.HTTP_HOST, "127.0.0.1")
        .with(ServiceConfig.STATE_DIR, dataDir.resolve("streams").toAbsolutePath().toString());
  }

  /**
   * The local default's feed key, unless the environment names the keys (then the client's key
   * comes from {@value IngestorClient#FEED_KEY}, as for any ingestor).
   */
  private ServiceConfig withFeedKeys(ServiceConfig config, Path dataDir) throws IOException {
    if (config.get(ServiceConfig.FEED_KEYS_FILE, null) != null
        || config.get(ServiceConfig.FEED_KEYS, null) != null) {
      feedKey = config.get(IngestorClient.FEED_KEY, null);
      return config;
    }
    feedKey = LocalFeedKey.ensure(dataDir);
    return config.with(
        ServiceConfig.FEED_KEYS_FILE,
        dataDir.resolve(LocalFeedKey.HASHES_FILE).toAbsolutePath().toString());
  }

  /**
   * Starts the three services at once: each start waits mostly on Kafka (the Streams apps open
   * their stores and join their groups), so together they take about as long as the slowest.
   */
  private void startPipeline(ServiceConfig config, Ports ports, PrintStream out) throws Exception {
    List<Object> services =
        together(
            () -> startService(config, ports.ingestor(), IngestorService::start),
            () -> startService(config, ports.extractor(), ExtractorService::start),
            () -> startService(config, ports.aggregator(), AggregatorService::start));
    ingestor = (ParleyService) services.get(0);
    extractor = (ParleyService) services.get(1);
    aggregator = (ParleyService) services.get(2);
    for (ParleyService service : List.of(ingestor, extractor, aggregator)) {
      announce(service, out);
    }
    awaitReady(Duration.ofSeconds(120), out);
  }

  /**
   * Runs {@code steps} each on a thread of its own and returns their results in order, once all
   * have ended; the first failure is thrown after all have ended, so that whatever the others
   * started is tracked and closed with the stack.
   */
  private static List<Object> together(Callable<?>... steps) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(steps.length);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Callable<?> step : steps) {
        futures.add(threads.submit(step));
      }
      List<Object> results = new ArrayList<>();
      Exception failure = null;
      for (Future<?> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          failure = failure != null ? failure : asException(e.getCause());
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    } finally {
      threads.shutdown();
    }
  }

  private static Exception asException(Throwable cause) {
    if (cause instanceof Error error) {
      throw error;
    }
    return (Exception) cause;
  }

  private ParleyService startService(
      ServiceConfig config, int port, Function<ServiceConfig, ParleyService> starter) {
    return track(starter.apply(config.with(ServiceConfig.HTTP_PORT, String.valueOf(port))));
  }

  private static void announce(ParleyService service, PrintStream out) {
    out.printf("  %-16s %s%n", service.name(), service.httpAddress());
  }

  private synchronized <T extends AutoCloseable> T track(T part) {
    started.add(part);
    return part;
  }

  private void awaitReady(Duration timeout, PrintStream out) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    List<ParleyService> services =
        java.util.stream.Stream.of(registry, ingestor, extractor, aggregator)
            .filter(java.util.Objects::nonNull)
            .toList();
    while (!services.stream().allMatch(ParleyService::isReady)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Not ready after "
                + timeout
                + ": "
                + services.stream().filter(s -> !s.isReady()).map(ParleyService::name).toList()
                + ". Look for errors above.");
      }
      Thread.sleep(100);
    }
    out.println("All parts are ready.");
  }

  /**
   * The embedded broker, which can be stopped and started again under the running services; only
   * for a stack that {@link #start}ed one.
   */
  public EmbeddedKafkaBroker broker() {
    return broker;
  }

  /** The embedded broker's address; only for a stack that {@link #start}ed one. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /**
   * The key that the embedded registry wants for writes (given in SCHEMA_REGISTRY_ADMIN_KEY, else
   * generated).
   */
  public String registryAdminKey() {
    return registryAdminKey;
  }

  /** The embedded registry; only for a stack that {@link #start}ed one. */
  public ParleyService registry() {
    return registry;
  }

  public ParleyService ingestor() {
    return ingestor;
  }

  /**
   * The key pushes to this stack's ingestor send; null when the environment names keys but not
   * {@value IngestorClient#FEED_KEY}.
   */
  public String feedKey() {
    return feedKey;
  }

  /** A client for this stack's ingestor, sending its feed key. */
  public IngestorClient ingestorClient() {
    return new IngestorClient(ingestor.httpAddress(), feedKey);
  }

  public ParleyService extractor() {
    return extractor;
  }

  public ParleyService aggregator() {
    return aggregator;
  }

  @Override
  public synchronized void close() {
    List<AutoCloseable> reversed = new ArrayList<>(started);
    Collections.reverse(reversed);
    for (AutoCloseable part : reversed) {
      try {
        part.close();
      } catch (Exception e) {
        System.err.println("While stopping " + part + ": " + e);
      }
    }
    started.clear();
  }
}
