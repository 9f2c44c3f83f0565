package dev.parley.cli;

import dev.parley.common.ServiceConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same pipeline against Apache Kafka and Confluent Schema Registry in containers: proves the
 * services work with Confluent's registry, not only with Parley's own. Skipped where there is no
 * Docker engine.
 */
@Testcontainers
@EnabledIf(value = "dockerIsAvailable", disabledReason = "no Docker engine: the Kafka and Schema Registry containers cannot start")
class ContainersEndToEndIT {

  private static final Network NETWORK = Network.newNetwork();

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1")
      .withNetwork(NETWORK)
      .withListener("kafka:19092");

  @Container
  static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:8.1.0")
      .withNetwork(NETWORK)
      .dependsOn(KAFKA)
      .withExposedPorts(8081)
      .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
      .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
      .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
      .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

  @TempDir
  Path data;

  /** Says in the build log why the suite is skipped; surefire itself only counts skips. */
  static boolean dockerIsAvailable() {
    boolean available = DockerClientFactory.instance().isDockerAvailable();
    if (!available) {
      System.err.println("SKIPPED ContainersEndToEndIT: no Docker engine is reachable, so the Apache Kafka and Confluent Schema "
          + "Registry containers cannot start. It runs wherever Docker does; EndToEndIT covers the same pipeline on the embedded broker.");
    }
    return available;
  }

  @Test
  void sampleArticlesBuildTheLiveStateWithConfluentSchemaRegistry() throws Exception {
    ServiceConfig config = ServiceConfig.of(Map.of(
        ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, KAFKA.getBootstrapServers(),
        ServiceConfig.SCHEMA_REGISTRY_URL, "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081),
        ServiceConfig.TOPIC_REPLICATION, "1"));
    try (LocalStack pipeline = LocalStack.attach(config, data, new LocalStack.Ports(0, 0, 0, 0, 0, 0), System.out)) {
      PipelineCheck.samplesBuildTheLiveState(pipeline.ingestorClient(), pipeline.aggregator().httpAddress());
    }
  }
}
