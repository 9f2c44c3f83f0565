package dev.parley.registry.server;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Apache Kafka and Confluent Schema Registry in containers, for the suites that check Parley
 * against Confluent's own registry (this module's conformance suite, the cli's end-to-end run).
 * Shared through this module's test jar.
 */
public final class ConfluentContainers {

  /** The registry's port inside its container. */
  public static final int REGISTRY_PORT = 8081;

  private ConfluentContainers() {}

  public static KafkaContainer kafka(Network network) {
    return new KafkaContainer("apache/kafka:4.1.1")
        .withNetwork(network)
        .withListener("kafka:19092");
  }

  public static GenericContainer<?> schemaRegistry(Network network, KafkaContainer kafka) {
    return new GenericContainer<>("confluentinc/cp-schema-registry:8.1.0")
        .withNetwork(network)
        .dependsOn(kafka)
        .withExposedPorts(REGISTRY_PORT)
        .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
        .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
        .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
        .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
  }

  public static String registryUrl(GenericContainer<?> registry) {
    return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
  }

  /**
   * Whether Docker runs here; if not, prints why the suite is skipped, since surefire only counts
   * skips.
   */
  public static boolean dockerIsAvailable(String suite, String whatCoversItInstead) {
    boolean available = DockerClientFactory.instance().isDockerAvailable();
    if (!available) {
      System.err.println(
          "SKIPPED "
              + suite
              + ": no Docker engine is reachable, so the Apache Kafka and Confluent Schema "
              + "Registry containers cannot start. It runs wherever Docker does; "
              + whatCoversItInstead);
    }
    return available;
  }
}
