package dev.parley.registry.server;

import dev.parley.common.HttpSettings;
import dev.parley.common.KafkaSettings;
import dev.parley.common.ServiceConfig;
import dev.parley.common.TextTopic;
import dev.parley.common.TopicSettings;
import dev.parley.common.Topics;

/**
 * The schema registry's configuration, read once at start-up.
 *
 * @param schemas the topic that stores the schemas: {@link Topics#SCHEMAS}, renamed by
 *     SCHEMA_REGISTRY_TOPIC
 */
public record RegistryConfig(
    KafkaSettings kafka, HttpSettings http, TopicSettings topics, TextTopic schemas) {

  public static final int DEFAULT_PORT = 8081;

  public static RegistryConfig from(ServiceConfig config) {
    return new RegistryConfig(
        KafkaSettings.from(config),
        HttpSettings.from(config, DEFAULT_PORT),
        TopicSettings.from(config),
        Topics.SCHEMAS.named(
            config.get(ServiceConfig.SCHEMA_REGISTRY_TOPIC, Topics.SCHEMAS.name())));
  }
}
