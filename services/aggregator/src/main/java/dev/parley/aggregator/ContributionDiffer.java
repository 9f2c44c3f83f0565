package dev.parley.aggregator;

import dev.parley.avro.ArticlePositions;
import dev.parley.avro.PositionContribution;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by article: compares an article's new extraction with the one it replaces and emits, keyed
 * by position, only what changed: new or changed contributions, and retractions (stance 0) for the
 * positions the article no longer states. A duplicate delivery therefore emits nothing. An
 * extraction of an older revision of the article than the one held (a replayed old version) is
 * ignored: the state depends on each article's latest version, never on arrival order. Nor does it
 * depend on when an article without a publication time was pushed again: the earliest time held for
 * it stays.
 */
final class ContributionDiffer
    implements Processor<String, ArticlePositions, String, PositionContribution> {

  static final String STORE = "article-extractions";

  /**
   * The header of the contributions of an article seen here for the first time: the state step,
   * which this step's transactions keep in step with it, then holds no earlier contribution of the
   * article and need not look for one, a read of an absent key per contribution.
   */
  static final String FIRST_EXTRACTION = "parley.first-extraction";

  private ProcessorContext<String, PositionContribution> context;
  private KeyValueStore<String, ArticlePositions> extractions;

  @Override
  public void init(ProcessorContext<String, PositionContribution> context) {
    this.context = context;
    this.extractions = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, ArticlePositions> record) {
    ArticlePositions earlier = extractions.get(record.key());
    ArticlePositions latest = withEarliestTime(record.value(), earlier);
    if (isOlder(latest, earlier)) {
      return;
    }
    Map<String, PositionContribution> before = ArticleContributions.of(earlier);
    Map<String, PositionContribution> after = ArticleContributions.of(latest);
    Record<String, ArticlePositions> marked =
        earlier == null ? record.withHeaders(withFirstExtraction(record.headers())) : record;
    after.forEach(
        (key, contribution) -> {
          if (!contribution.equals(before.get(key))) {
            context.forward(marked.withKey(key).withValue(contribution));
          }
        });
    before.forEach(
        (key, contribution) -> {
          if (!after.containsKey(key)) {
            context.forward(
                record
                    .withKey(key)
                    .withValue(ArticleContributions.retraction(earlier, contribution)));
          }
        });
    if (latest == null) {
      extractions.delete(record.key());
    } else {
      extractions.put(record.key(), latest);
    }
  }

  static boolean isFirstExtraction(Headers headers) {
    return headers.lastHeader(FIRST_EXTRACTION) != null;
  }

  private static Headers withFirstExtraction(Headers headers) {
    RecordHeaders marked = new RecordHeaders(headers.toArray());
    marked.add(FIRST_EXTRACTION, new byte[0]);
    return marked;
  }

  /**
   * An article pushed without a publication time is dated by its ingestion, so each push of it
   * would date it later and move its evidence: over such an estimate, the time held for the article
   * stays when it is earlier or was given by the feed.
   */
  private static ArticlePositions withEarliestTime(
      ArticlePositions latest, ArticlePositions earlier) {
    if (latest == null
        || earlier == null
        || !latest.getPublishedAtEstimated()
        || (earlier.getPublishedAtEstimated()
            && !earlier.getPublishedAt().isBefore(latest.getPublishedAt()))) {
      return latest;
    }
    return ArticlePositions.newBuilder(latest)
        .setPublishedAt(earlier.getPublishedAt())
        .setPublishedAtEstimated(earlier.getPublishedAtEstimated())
        .build();
  }

  /**
   * A re-extraction of the same revision (new rules or ontology) is not older: it replaces the one
   * held.
   */
  private static boolean isOlder(ArticlePositions latest, ArticlePositions earlier) {
    return latest != null
        && earlier != null
        && latest.getArticleRevision() < earlier.getArticleRevision();
  }
}
