package dev.parley.registry.server;

import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same expectations as {@link ParleyRegistryConformanceIT}, against Confluent's own registry:
 * proof that they describe Confluent's behaviour, not only Parley's. Skipped without Docker.
 */
@Testcontainers
@EnabledIf(
    value = "dockerIsAvailable",
    disabledReason =
        "no Docker engine: the Kafka and Confluent Schema Registry containers cannot start")
class ConfluentRegistryConformanceIT extends RegistryConformance {

  private static final Network NETWORK = Network.newNetwork();

  @Container static final KafkaContainer KAFKA = ConfluentContainers.kafka(NETWORK);

  @Container
  static final GenericContainer<?> REGISTRY = ConfluentContainers.schemaRegistry(NETWORK, KAFKA);

  static boolean dockerIsAvailable() {
    return ConfluentContainers.dockerIsAvailable(
        "ConfluentRegistryConformanceIT",
        "ParleyRegistryConformanceIT checks the same expectations against Parley's registry.");
  }

  @Override
  RegistryHttp registry() {
    // Confluent's registry runs without authentication here; it ignores the header Parley's needs
    // for writes
    return new RegistryHttp(
        ConfluentContainers.registryUrl(REGISTRY), RegistryHttp.basic("admin:unused"));
  }
}
