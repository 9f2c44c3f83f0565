package dev.parley.registry.server;

import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceSettings;
import dev.parley.common.TextTopic;
import dev.parley.common.Topics;

/**
 * The schema registry's configuration, read once at start-up.
 *
 * @param schemas the topic that stores the schemas: {@link Topics#SCHEMAS}, renamed by
 *     SCHEMA_REGISTRY_TOPIC
 */
public record RegistryConfig(ServiceSettings service, TextTopic schemas) {

  public static final int DEFAULT_PORT = 8081;

  public static RegistryConfig from(ServiceConfig config) {
    return new RegistryConfig(
        ServiceSettings.from(config, DEFAULT_PORT),
        Topics.SCHEMAS.named(
            config.get(ServiceConfig.SCHEMA_REGISTRY_TOPIC, Topics.SCHEMAS.name())));
  }
}
