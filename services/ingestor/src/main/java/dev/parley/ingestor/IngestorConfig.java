package dev.parley.ingestor;

import dev.parley.common.HttpSettings;
import dev.parley.common.KafkaSettings;
import dev.parley.common.ServiceConfig;
import dev.parley.common.TopicSettings;

/**
 * The ingestor's configuration, read once at start-up; a wrong value stops it there, naming the
 * variable.
 *
 * @param maxArticleBytes largest request for one article (PARLEY_MAX_ARTICLE_BYTES, 413 beyond)
 * @param maxBatchBytes largest NDJSON batch (PARLEY_MAX_BATCH_BYTES, 413 beyond)
 */
public record IngestorConfig(KafkaSettings kafka, HttpSettings http, TopicSettings topics, int maxArticleBytes, int maxBatchBytes) {

  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_BATCH_BYTES = 16 * 1024 * 1024;

  public static IngestorConfig from(ServiceConfig config) {
    return new IngestorConfig(KafkaSettings.from(config), HttpSettings.from(config, DEFAULT_PORT), TopicSettings.from(config),
        config.getInt(ServiceConfig.MAX_ARTICLE_BYTES, DEFAULT_MAX_ARTICLE_BYTES, 1),
        config.getInt(ServiceConfig.MAX_BATCH_BYTES, DEFAULT_MAX_BATCH_BYTES, 1));
  }
}
