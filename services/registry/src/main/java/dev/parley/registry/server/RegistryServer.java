package dev.parley.registry.server;

import dev.parley.common.ParleyService;
import dev.parley.common.RunningService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceHttp;
import dev.parley.common.ServiceMetrics;

/**
 * Parley's schema registry for the local default: the Confluent REST API over schemas kept in a
 * compacted Kafka topic. One instance per cluster (it is the topic's only writer); in production,
 * point SCHEMA_REGISTRY_URL at Confluent Schema Registry, Karapace, Redpanda or Apicurio instead.
 */
public final class RegistryServer {

  private RegistryServer() {}

  /** A fresh random admin key, for a local stack that was given none. */
  public static String generateAdminKey() {
    return AdminKey.generate();
  }

  public static ParleyService start(ServiceConfig environment) {
    RegistryConfig config = RegistryConfig.from(environment);
    SchemaLog log = new SchemaLog(config);
    try {
      ServiceHttp http =
          ServiceHttp.start(
              "schema-registry",
              config.service().http(),
              () -> true,
              ServiceMetrics.create("schema-registry"),
              new RegistryRoutes(log, AdminKey.from(environment))::register);
      return new RunningService("schema registry", http, log);
    } catch (RuntimeException e) {
      throw RunningService.closeAfterFailure(e, log);
    }
  }
}
