package dev.parley.ingestor;

import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceSettings;

/**
 * The ingestor's configuration, read once at start-up; a wrong value stops it there, naming the
 * variable.
 *
 * @param limits every bound on the input (PARLEY_MAX_ARTICLE_BYTES, PARLEY_MAX_BATCH_BYTES, ...)
 * @param feedKeysFile the file of feed keys ({@value ServiceConfig#FEED_KEYS_FILE}), null when none
 *     is named
 * @param feedKeyHashes feed keys given inline ({@value ServiceConfig#FEED_KEYS}), empty when none
 */
public record IngestorConfig(
    ServiceSettings service, IngestLimits limits, String feedKeysFile, String feedKeyHashes) {

  public static final int DEFAULT_PORT = 8080;

  public static IngestorConfig from(ServiceConfig config) {
    return new IngestorConfig(
        ServiceSettings.from(config, DEFAULT_PORT),
        IngestLimits.from(config),
        config.get(ServiceConfig.FEED_KEYS_FILE, null),
        config.get(ServiceConfig.FEED_KEYS, ""));
  }
}
