package dev.parley.registry.server;

import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same expectations as {@link ParleyRegistryConformanceIT}, against Confluent's own registry:
 * proof that they describe Confluent's behaviour, not only Parley's. Skipped without Docker.
 */
@Testcontainers
@EnabledIf(value = "dockerIsAvailable", disabledReason = "no Docker engine: the Kafka and Confluent Schema Registry containers cannot start")
class ConfluentRegistryConformanceIT extends RegistryConformance {

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

  /** Says in the build log why the suite is skipped; surefire itself only counts skips. */
  static boolean dockerIsAvailable() {
    boolean available = DockerClientFactory.instance().isDockerAvailable();
    if (!available) {
      System.err.println("SKIPPED ConfluentRegistryConformanceIT: no Docker engine is reachable, so Confluent Schema Registry "
          + "cannot start and the conformance expectations are checked against Parley's registry only (ParleyRegistryConformanceIT).");
    }
    return available;
  }

  @Override
  RegistryHttp registry() {
    // Confluent's registry runs without authentication here; it ignores the header Parley's needs for writes
    return new RegistryHttp("http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081), RegistryHttp.basic("admin:unused"));
  }
}
