package dev.parley.cli.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) from Kafka's own jars, on
 * 127.0.0.1 only. Its log directory is formatted once and kept, so topics survive restarts.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final String CONTROLLER = "CONTROLLER";

  /**
   * What a node writes into its log folder as it stops cleanly and removes as it starts (Kafka's
   * CleanShutdownFileHandler): missing after a crash.
   */
  private static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";

  /** How long the controller keeps a node that stopped heartbeating (it died) registered. */
  private static final Duration BROKER_SESSION = Duration.ofSeconds(3);

  /** The session the controller gives registrations while it runs alone after a crash. */
  private static final Duration FENCING_SESSION = Duration.ofMillis(500);

  private final KafkaConfig config;
  private final String bootstrapServers;
  private KafkaRaftServer server;

  private EmbeddedKafkaBroker(KafkaConfig config, String bootstrapServers) {
    this.config = config;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * The single node of {@code parley up}. After a crash (no clean-shutdown file in its folder) its
   * controller first runs alone until it has fenced the dead node's registration: a node started at
   * once leads its partitions for a while on that stale registration, and as the fence reaches it
   * every partition is leaderless while its transaction coordinator still works, which Kafka 4.3's
   * coordinator takes for deleted partitions: it completes commits and aborts then without writing
   * their markers (docs/faults.md, "Why a crash left such transactions").
   */
  static EmbeddedKafkaBroker start(Path dataDir, int port, int controllerPort) throws Exception {
    String voters = "1@127.0.0.1:" + controllerPort;
    Path logDir = dataDir.toAbsolutePath();
    if (Files.exists(logDir.resolve("meta.properties"))
        && !Files.exists(logDir.resolve(CLEAN_SHUTDOWN_FILE))) {
      fenceDeadRegistration(config(logDir, 1, port, voters, controllerPort, 1), controllerPort);
    }
    return startNode(dataDir, 1, port, voters, controllerPort, 1);
  }

  /**
   * Runs the node's controller alone until it has fenced the registration of the node that died. It
   * counts a registration's session from when it becomes the active controller, so this phase gives
   * sessions half a second: the node that starts next has no heartbeat to miss.
   */
  private static void fenceDeadRegistration(Properties node, int controllerPort) throws Exception {
    Properties props = new Properties();
    props.putAll(node);
    props.put("process.roles", "controller");
    props.put("listeners", CONTROLLER + "://127.0.0.1:" + controllerPort);
    props.remove("advertised.listeners");
    props.remove("inter.broker.listener.name");
    props.put("listener.security.protocol.map", CONTROLLER + ":PLAINTEXT");
    props.put("broker.session.timeout.ms", String.valueOf(FENCING_SESSION.toMillis()));
    props.put("broker.heartbeat.interval.ms", String.valueOf(FENCING_SESSION.toMillis() / 2));
    int nodeId = Integer.parseInt(props.getProperty("node.id"));
    KafkaRaftServer controller = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    controller.startup();
    try (Admin admin =
        Admin.create(Map.of("bootstrap.controllers", "127.0.0.1:" + controllerPort))) {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (admin.describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS).leaderId()
          != nodeId) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "The KRaft controller on 127.0.0.1:"
                  + controllerPort
                  + " did not become active within 60 s after a crash; look for an error above.");
        }
        Thread.sleep(100);
      }
      // the controller fences a registration as its session runs out; it does not list brokers
      // to an admin client of the controllers, so wait for that moment and a margin
      Thread.sleep(FENCING_SESSION.plusSeconds(1).toMillis());
    } finally {
      controller.shutdown();
      controller.awaitShutdown();
    }
  }

  /**
   * One node of a cluster whose controllers are {@code voters} ("id@host:port,..."): topics get
   * {@code replication} copies, and writes with acks=all need all but one of them when there are
   * three or more (min.insync.replicas), so the cluster keeps taking writes with one node down.
   */
  public static EmbeddedKafkaBroker startNode(
      Path dataDir, int nodeId, int port, String voters, int controllerPort, int replication)
      throws Exception {
    Path logDir = dataDir.toAbsolutePath();
    Files.createDirectories(logDir);
    String bootstrap = "127.0.0.1:" + port;
    KafkaConfig config =
        new KafkaConfig(config(logDir, nodeId, port, voters, controllerPort, replication), false);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setClusterId(clusterId(voters))
          .setNodeId(nodeId)
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName(CONTROLLER)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
    }
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config, bootstrap);
    broker.startAgain();
    return broker;
  }

  /** The settings of one node (broker and controller) of a cluster whose controllers are voters. */
  private static Properties config(
      Path logDir, int nodeId, int port, String voters, int controllerPort, int replication) {
    String bootstrap = "127.0.0.1:" + port;
    String minInSync = String.valueOf(Math.max(1, replication - 1));
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(nodeId));
    props.put("controller.quorum.voters", voters);
    props.put(
        "listeners",
        "PLAINTEXT://" + bootstrap + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + bootstrap);
    props.put("controller.listener.names", CONTROLLER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("auto.create.topics.enable", "false");
    props.put("default.replication.factor", String.valueOf(replication));
    props.put("min.insync.replicas", minInSync);
    props.put("offsets.topic.replication.factor", String.valueOf(replication));
    props.put("offsets.topic.num.partitions", "3");
    props.put("transaction.state.log.replication.factor", String.valueOf(replication));
    props.put("transaction.state.log.min.isr", minInSync);
    props.put("transaction.state.log.num.partitions", "3");
    props.put("share.coordinator.state.topic.replication.factor", String.valueOf(replication));
    props.put("share.coordinator.state.topic.min.isr", minInSync);
    props.put("group.initial.rebalance.delay.ms", "0");
    // transaction.abort.timed.out.transaction.cleanup.interval.ms stays at Kafka's 10 s: a
    // restarted node first leads its partitions on stale metadata, and the moment the controller's
    // fence of its dead registration arrives every partition is leaderless, which Kafka 4.3's
    // coordinator takes for deleted: a timed-out transaction it aborts then gets no markers at all
    // (docs/faults.md). Streams' producers end their dead transactions themselves as they restart.
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    // A node killed with -9 is still registered when it comes back, and may register again only
    // once the controller has fenced the old registration after this session (9 s by default, with
    // a heartbeat every 2 s): a restart after kill -9 waited that long. A local node heartbeats
    // to a controller on the same machine.
    props.put("broker.session.timeout.ms", String.valueOf(BROKER_SESSION.toMillis()));
    props.put("broker.heartbeat.interval.ms", String.valueOf(BROKER_SESSION.toMillis() / 6));
    return props;
  }

  /**
   * Starts a stopped node again, on the same ports and log folder; its topics, offsets and
   * transactions are as it left them.
   */
  public synchronized void startAgain() throws Exception {
    if (server == null) {
      server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      awaitReady(Duration.ofSeconds(60));
    }
  }

  /** Stops the node and keeps its log folder; {@link #startAgain} brings it back. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  /** The same for every node of one cluster, so that each can format its own folder alone. */
  private static String clusterId(String voters) {
    java.util.UUID id =
        java.util.UUID.nameUUIDFromBytes(voters.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new Uuid(id.getMostSignificantBits(), id.getLeastSignificantBits()).toString();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  private void awaitReady(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(
                "The embedded Kafka broker did not become ready at "
                    + bootstrapServers
                    + " within "
                    + timeout
                    + "; look for an error above, or remove its data folder to start afresh.",
                e);
          }
        }
        Thread.sleep(200);
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
