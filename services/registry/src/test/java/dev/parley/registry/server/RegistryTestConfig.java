package dev.parley.registry.server;

import dev.parley.common.ServiceConfig;
import dev.parley.common.SingleBrokerCluster;
import java.util.Map;

/** A registry server's settings on a test's single broker: a free HTTP port, one replica. */
final class RegistryTestConfig {

  private RegistryTestConfig() {}

  static ServiceConfig on(SingleBrokerCluster kafka, String adminKey) {
    return ServiceConfig.of(
        Map.of(
            ServiceConfig.KAFKA_BOOTSTRAP_SERVERS,
            kafka.bootstrapServers(),
            ServiceConfig.HTTP_PORT,
            "0",
            ServiceConfig.HTTP_HOST,
            "127.0.0.1",
            ServiceConfig.TOPIC_REPLICATION,
            "1",
            ServiceConfig.SCHEMA_REGISTRY_ADMIN_KEY,
            adminKey));
  }
}
