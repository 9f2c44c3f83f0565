package dev.parley.registry.server;

import dev.parley.common.ParleyService;
import dev.parley.common.SingleBrokerCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Confluent's registry API, as {@link RegistryConformance} walks it, against Parley's registry on a
 * real KRaft broker.
 */
class ParleyRegistryConformanceIT extends RegistryConformance {

  private static final String ADMIN_KEY = "conformance-admin-key";

  private static SingleBrokerCluster kafka;
  private static ParleyService server;

  @BeforeAll
  static void start() throws Exception {
    kafka = SingleBrokerCluster.start();
    server = RegistryServer.start(RegistryTestConfig.on(kafka, ADMIN_KEY));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Override
  RegistryHttp registry() {
    return new RegistryHttp(
        server.httpAddress().toString(), RegistryHttp.basic("admin:" + ADMIN_KEY));
  }
}
