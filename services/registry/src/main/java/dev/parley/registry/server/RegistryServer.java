package dev.parley.registry.server;

import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceHttp;
import dev.parley.common.ServiceMetrics;
import java.net.URI;

/**
 * Parley's schema registry for the local default: the Confluent REST API over schemas kept in a
 * compacted Kafka topic. One instance per cluster (it is the topic's only writer); in production,
 * point SCHEMA_REGISTRY_URL at Confluent Schema Registry, Karapace, Redpanda or Apicurio instead.
 */
public final class RegistryServer implements ParleyService {

  public static final int DEFAULT_PORT = 8081;

  private final SchemaLog log;
  private final ServiceHttp http;

  private RegistryServer(SchemaLog log, ServiceHttp http) {
    this.log = log;
    this.http = http;
  }

  public static RegistryServer start(ServiceConfig config) {
    SchemaLog log = new SchemaLog(config);
    try {
      ServiceHttp http = ServiceHttp.start("schema-registry", config, DEFAULT_PORT, () -> true,
          ServiceMetrics.create("schema-registry"), new RegistryRoutes(log)::register);
      return new RegistryServer(log, http);
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "schema registry";
  }

  @Override
  public URI httpAddress() {
    return http.address();
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void close() {
    http.close();
    log.close();
  }
}
