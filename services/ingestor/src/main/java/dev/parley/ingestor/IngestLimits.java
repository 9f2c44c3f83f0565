package dev.parley.ingestor;

import dev.parley.common.InvalidConfigException;
import dev.parley.common.ServiceConfig;
import dev.parley.common.Topics;
import java.time.Duration;

/**
 * Every bound the ingestor puts on its input, from the environment. The article limit must leave
 * room under the largest record Kafka accepts, so a body the ingestor advertises as acceptable can
 * always be written: {@link #requireConsistent()} refuses to start otherwise.
 */
public record IngestLimits(
    int maxArticleBytes,
    int maxBatchBytes,
    int maxRecordBytes,
    int maxHeadlineChars,
    int maxUrlChars,
    int maxSourceChars,
    int maxHtmlDepth,
    Duration htmlTimeLimit) {

  public static final int DEFAULT_MAX_ARTICLE_BYTES = 1_000_000;
  public static final int DEFAULT_MAX_BATCH_BYTES = 16 * 1024 * 1024;
  public static final int DEFAULT_MAX_HEADLINE_CHARS = 1000;
  public static final int DEFAULT_MAX_HTML_DEPTH = 200;
  public static final int DEFAULT_HTML_TIME_LIMIT_MS = 5000;
  static final int MAX_URL_CHARS = 2048;
  static final int MAX_SOURCE_CHARS = 200;

  /**
   * The articles topic's max.message.bytes, declared with the topic so a broker with another
   * default agrees.
   */
  static final int TOPIC_RECORD_BYTES =
      Integer.parseInt(Topics.ARTICLES.configs().get("max.message.bytes"));

  /**
   * What an article record adds to its cleaned text: id, content hash, fingerprint, times, the
   * query-string defaults (bounded by the HTTP header limit) and the Avro and wire-format framing.
   */
  static final int RECORD_OVERHEAD_BYTES = 16 * 1024;

  static IngestLimits from(ServiceConfig config) {
    IngestLimits limits =
        new IngestLimits(
            config.getInt(ServiceConfig.MAX_ARTICLE_BYTES, DEFAULT_MAX_ARTICLE_BYTES, 1),
            config.getInt(ServiceConfig.MAX_BATCH_BYTES, DEFAULT_MAX_BATCH_BYTES, 1),
            config.getInt(ServiceConfig.MAX_RECORD_BYTES, TOPIC_RECORD_BYTES, 1),
            config.getInt(ServiceConfig.MAX_HEADLINE_CHARS, DEFAULT_MAX_HEADLINE_CHARS, 1),
            MAX_URL_CHARS,
            MAX_SOURCE_CHARS,
            config.getInt(ServiceConfig.MAX_HTML_DEPTH, DEFAULT_MAX_HTML_DEPTH, 1),
            Duration.ofMillis(
                config.getInt(ServiceConfig.HTML_TIME_LIMIT_MS, DEFAULT_HTML_TIME_LIMIT_MS, 1)));
    limits.requireConsistent();
    return limits;
  }

  /** The largest request body accepted on either route. */
  int maxRequestBytes() {
    return Math.max(maxArticleBytes, maxBatchBytes);
  }

  private void requireConsistent() {
    if ((long) maxArticleBytes + RECORD_OVERHEAD_BYTES > maxRecordBytes) {
      throw new InvalidConfigException(
          ServiceConfig.MAX_ARTICLE_BYTES,
          String.valueOf(maxArticleBytes),
          "leaves no room for the record's "
              + RECORD_OVERHEAD_BYTES
              + " bytes of overhead under "
              + ServiceConfig.MAX_RECORD_BYTES
              + "="
              + maxRecordBytes
              + " (the topic's max.message.bytes); set it to at most "
              + (maxRecordBytes - RECORD_OVERHEAD_BYTES)
              + ", or raise the broker's message.max.bytes and "
              + ServiceConfig.MAX_RECORD_BYTES
              + " first");
    }
  }
}
