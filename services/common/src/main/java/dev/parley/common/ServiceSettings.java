package dev.parley.common;

/**
 * What every service reads alike: where the cluster and registry are, where its HTTP server listens
 * (each service with its own default port), and how it creates its topics. Each service's record
 * holds one of these beside its own settings.
 */
public record ServiceSettings(KafkaSettings kafka, HttpSettings http, TopicSettings topics) {

  public static ServiceSettings from(ServiceConfig config, int defaultPort) {
    return new ServiceSettings(
        KafkaSettings.from(config),
        HttpSettings.from(config, defaultPort),
        TopicSettings.from(config));
  }
}
