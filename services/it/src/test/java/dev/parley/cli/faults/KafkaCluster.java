package dev.parley.cli.faults;

import dev.parley.cli.local.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Three Kafka nodes (KRaft, each broker and controller) from Kafka's own jars, each in a process of
 * its own: topics get three replicas and acks=all writes need two, so the cluster keeps working
 * with any one node killed.
 */
final class KafkaCluster implements AutoCloseable {

  static final int NODES = 3;

  private final List<ChildProcess> nodes = new ArrayList<>();
  private final int[] ports;

  private KafkaCluster(Path dataDir) throws Exception {
    ports = FreePort.distinct(2 * NODES);
    String voters =
        IntStream.rangeClosed(1, NODES)
            .mapToObj(id -> id + "@127.0.0.1:" + controllerPort(id))
            .collect(Collectors.joining(","));
    for (int id = 1; id <= NODES; id++) {
      Path folder = Files.createDirectories(dataDir.resolve("node-" + id));
      nodes.add(
          ChildProcess.java(
              "Kafka node " + id,
              BrokerNode.class,
              List.of(
                  folder.resolve("data").toString(),
                  String.valueOf(id),
                  String.valueOf(port(id)),
                  String.valueOf(controllerPort(id)),
                  voters,
                  String.valueOf(NODES)),
              Map.of(),
              ChildProcess.logFile("kafka-node-" + id)));
    }
  }

  static KafkaCluster start(Path dataDir) throws Exception {
    KafkaCluster cluster = new KafkaCluster(dataDir);
    try {
      // a node comes up only once a majority of controllers answers: start them all, then wait
      for (ChildProcess node : cluster.nodes) {
        node.start();
      }
      for (int id = 1; id <= NODES; id++) {
        cluster.awaitUp(id, 1);
      }
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return IntStream.rangeClosed(1, NODES)
        .mapToObj(id -> "127.0.0.1:" + port(id))
        .collect(Collectors.joining(","));
  }

  void kill(int id) throws InterruptedException {
    nodes.get(id - 1).kill();
  }

  /** Starts a killed node again on its data and waits until it serves. */
  void restart(int id) throws Exception {
    long before = upLines(id);
    nodes.get(id - 1).start();
    awaitUp(id, before + 1);
  }

  private void awaitUp(int id, long upLines) throws Exception {
    nodes.get(id - 1).await(() -> upLines(id) >= upLines, "up");
  }

  private long upLines(int id) {
    return nodes
        .get(id - 1)
        .log()
        .lines()
        .filter(l -> l.startsWith("Broker " + id + " is up"))
        .count();
  }

  private int port(int id) {
    return ports[id - 1];
  }

  private int controllerPort(int id) {
    return ports[NODES + id - 1];
  }

  @Override
  public void close() throws InterruptedException {
    for (ChildProcess node : nodes) {
      node.close();
    }
  }
}
