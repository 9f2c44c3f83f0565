package dev.parley.cli.faults;

import dev.parley.cli.local.EmbeddedKafkaBroker;
import java.nio.file.Path;

/**
 * One Kafka node of a {@link KafkaCluster}, in a process of its own so that it can be killed with
 * -9.
 */
public final class BrokerNode {

  private BrokerNode() {}

  /** Arguments: data folder, node id, port, controller port, voters, replication. */
  public static void main(String[] args) throws Exception {
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.startNode(
            Path.of(args[0]),
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            args[4],
            Integer.parseInt(args[3]),
            Integer.parseInt(args[5]));
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
    System.out.println("Broker " + args[1] + " is up at " + broker.bootstrapServers());
    Thread.currentThread().join();
  }
}
