package dev.parley.cli;

import dev.parley.cli.local.LocalStack;
import dev.parley.common.ServiceConfig;
import dev.parley.registry.server.ConfluentContainers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same pipeline against Apache Kafka and Confluent Schema Registry in containers: proves the
 * services work with Confluent's registry, not only with Parley's own. Skipped where there is no
 * Docker engine.
 */
@Testcontainers
@EnabledIf(
    value = "dockerIsAvailable",
    disabledReason = "no Docker engine: the Kafka and Schema Registry containers cannot start")
class ContainersEndToEndIT {

  private static final Network NETWORK = Network.newNetwork();

  @Container static final KafkaContainer KAFKA = ConfluentContainers.kafka(NETWORK);

  @Container
  static final GenericContainer<?> REGISTRY = ConfluentContainers.schemaRegistry(NETWORK, KAFKA);

  @TempDir Path data;

  static boolean dockerIsAvailable() {
    return ConfluentContainers.dockerIsAvailable(
        "ContainersEndToEndIT", "EndToEndIT covers the same pipeline on the embedded broker.");
  }

  @Test
  void sampleArticlesBuildTheLiveStateWithConfluentSchemaRegistry() throws Exception {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, KAFKA.getBootstrapServers(),
                ServiceConfig.SCHEMA_REGISTRY_URL, ConfluentContainers.registryUrl(REGISTRY),
                ServiceConfig.TOPIC_REPLICATION, "1"));
    try (LocalStack pipeline =
        LocalStack.attach(config, data, new LocalStack.Ports(0, 0, 0, 0, 0, 0), System.out)) {
      PipelineCheck.samplesBuildTheLiveState(
          pipeline.ingestorClient(), pipeline.aggregator().httpAddress());
    }
  }
}
