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

  public static final String MAX_RECORD_BYTES = "PARLEY_MAX_RECORD_BYTES";
  public static final String MAX_HEADLINE_CHARS = "PARLEY_MAX_HEADLINE_CHARS";
  public static final String MAX_HTML_DEPTH = "PARLEY_MAX_HTML_DEPTH";
  public static final String HTML_TIME_LIMIT_MS = "PARLEY_HTML_TIME_LIMIT_MS";

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
            config.getInt(ServiceConfig.MAX_ARTICLE_BYTES, 1_000_000, 1),
            config.getInt(ServiceConfig.MAX_BATCH_BYTES, 16 * 1024 * 1024, 1),
            config.getInt(MAX_RECORD_BYTES, TOPIC_RECORD_BYTES, 1),
            config.getInt(MAX_HEADLINE_CHARS, 1000, 1),
            2048,
            200,
            config.getInt(MAX_HTML_DEPTH, 200, 1),
            Duration.ofMillis(config.getInt(HTML_TIME_LIMIT_MS, 5000, 1)));
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
              + MAX_RECORD_BYTES
              + "="
              + maxRecordBytes
              + " (the topic's max.message.bytes); set it to at most "
              + (maxRecordBytes - RECORD_OVERHEAD_BYTES)
              + ", or raise the broker's message.max.bytes and "
              + MAX_RECORD_BYTES
              + " first");
    }
  }
}
