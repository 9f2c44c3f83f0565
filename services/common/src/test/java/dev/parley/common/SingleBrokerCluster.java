package dev.parley.common;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real one-node KRaft cluster in this JVM, on free ports, for tests that talk to Kafka. */
public final class SingleBrokerCluster implements AutoCloseable {

  private final KafkaClusterTestKit kafka;

  private SingleBrokerCluster(KafkaClusterTestKit kafka) {
    this.kafka = kafka;
  }

  public static SingleBrokerCluster start() throws Exception {
    KafkaClusterTestKit kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setCombined(true)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("auto.create.topics.enable", "false")
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    return new SingleBrokerCluster(kafka);
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public ServiceConfig config() {
    return ServiceConfig.of(Map.of(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers()));
  }

  @Override
  public void close() throws Exception {
    kafka.close();
  }
}
