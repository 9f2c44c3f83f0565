package dev.parley.cli.ops;

import dev.parley.common.ServiceConfig;
import dev.parley.registry.SchemaRegistryClient;
import picocli.CommandLine.Option;

/**
 * The schema registry of the commands that read values: the local default unless
 * SCHEMA_REGISTRY_URL or the option says otherwise.
 */
public final class RegistryOption {

  @Option(
      names = "--schema-registry",
      paramLabel = "URL",
      description =
          "Schema registry (default: env SCHEMA_REGISTRY_URL, else http://localhost:8081, the local default).")
  String url;

  public SchemaRegistryClient client() {
    ServiceConfig environment = ServiceConfig.fromEnvironment();
    return (url != null ? environment.with(ServiceConfig.SCHEMA_REGISTRY_URL, url) : environment)
        .schemaRegistry();
  }
}
