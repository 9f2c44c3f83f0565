package dev.parley.common;

import dev.parley.avro.Article;
import dev.parley.avro.ArticlePositions;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionState;
import dev.parley.avro.RejectedInput;
import java.util.List;
import java.util.Map;

/**
 * Every topic Parley writes, declared once. Keys are strings; values of the data topics are Avro
 * records, those of the control channel and the registry's store are text.
 */
public final class Topics {

  private static final Map<String, String> COMPACTED =
      Map.of(
          "cleanup.policy", "compact",
          "min.compaction.lag.ms", "60000");

  /**
   * Keyed by article id; compacted, so the latest version of every article is kept to re-extract
   * from. Its record limit is declared, not left to the broker's default, because the ingestor's
   * advertised article size is derived from it.
   */
  public static final Topic<Article> ARTICLES =
      new Topic<>(
          "parley.articles",
          Article.class,
          Map.of(
              "cleanup.policy", "compact",
              "min.compaction.lag.ms", "60000",
              "max.message.bytes", "1048588"),
          "accepted articles, cleaned");

  /** Keyed by article id; the latest extraction of an article replaces the earlier ones. */
  public static final Topic<ArticlePositions> POSITIONS =
      new Topic<>(
          "parley.positions", ArticlePositions.class, COMPACTED, "positions found in each article");

  /**
   * Keyed by negotiation/actor/issue; one record per change, tombstone when no article states it.
   */
  public static final Topic<PositionState> POSITION_STATE =
      new Topic<>(
          "parley.position-state", PositionState.class, COMPACTED, "live state of every position");

  /**
   * Keyed by negotiation/actor/issue; one event per real change (before, after, cause). Compacted
   * only after a week, so a subscriber can resume from any offset of the last seven days and a
   * reader from the beginning still finds the latest change of every position. Timestamps are the
   * broker's append time: the change happened when it was made, whatever the article's date.
   */
  public static final Topic<PositionChange> POSITION_CHANGES =
      new Topic<>(
          "parley.position-changes",
          PositionChange.class,
          Map.of(
              "cleanup.policy", "compact",
              "min.compaction.lag.ms", String.valueOf(7L * 24 * 3600 * 1000),
              "message.timestamp.type", "LogAppendTime"),
          "every change of a position, with before, after and cause");

  /** Inputs the ingestor refused, kept for 30 days for inspection. */
  public static final Topic<RejectedInput> REJECTED =
      new Topic<>(
          "parley.rejected",
          RejectedInput.class,
          Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000)),
          "inputs the ingestor refused");

  /** The data topics, created with PARLEY_TOPIC_PARTITIONS partitions. */
  public static final List<Topic<?>> ALL =
      List.of(ARTICLES, POSITIONS, POSITION_STATE, POSITION_CHANGES, REJECTED);

  /**
   * Input records a Streams app could not process or whose output could not be written, with the
   * reason and the input's coordinates in headers; kept 30 days to inspect and replay.
   */
  public static final DeadLetterTopic DEAD_LETTERS =
      new DeadLetterTopic(
          "parley.dlq",
          Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000)),
          "records the Streams apps could not process, with why");

  /**
   * Keyed by Streams application id, value {@code stop} or {@code start} ({@link StreamsControl}).
   * One partition: commands are rare and must stay in order; only of use while a reprocess runs, so
   * a day keeps them for inspection.
   */
  public static final TextTopic CONTROL =
      new TextTopic(
          StreamsControl.TOPIC,
          1,
          Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(24L * 3600 * 1000)),
          "stop and start commands for the Streams apps");

  /**
   * The local schema registry's store, in Confluent's key and value JSON; one partition, so that
   * the registry reads its changes back in the order it wrote them. SCHEMA_REGISTRY_TOPIC renames
   * it.
   */
  public static final TextTopic SCHEMAS =
      new TextTopic(
          "_schemas", 1, Map.of("cleanup.policy", "compact"), "schemas of Parley's own registry");

  private Topics() {}
}
