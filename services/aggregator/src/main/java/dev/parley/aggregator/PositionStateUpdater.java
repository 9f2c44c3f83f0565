package dev.parley.aggregator;

import dev.parley.avro.ArticleRef;
import dev.parley.avro.ChangeKind;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by position: applies one article's contribution (or its retraction) to the set of
 * contributions, derives the state again and, only when it really changed, emits the change:
 * before, after and the article that caused it. Each contribution is its own store entry, keyed
 * position then article, so a position stated by thousands of articles never makes one record
 * (and one changelog write) of them all.
 */
final class PositionStateUpdater implements Processor<String, PositionContribution, String, PositionChange> {

  static final String STORE = "contributions-by-position";
  private static final String SEPARATOR = "|";

  private ProcessorContext<String, PositionChange> context;
  private KeyValueStore<String, PositionContribution> store;

  @Override
  public void init(ProcessorContext<String, PositionChange> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, PositionContribution> record) {
    Map<String, PositionContribution> contributions = contributionsTo(record.key());
    Optional<PositionState> before = PositionStateDeriver.derive(contributions.values());
    PositionContribution contribution = record.value();
    boolean retracted = contribution.getStance() == 0;
    String entry = record.key() + SEPARATOR + contribution.getArticleId();
    if (retracted) {
      contributions.remove(contribution.getArticleId());
      store.delete(entry);
    } else {
      contributions.put(contribution.getArticleId(), contribution);
      store.put(entry, contribution);
    }
    Optional<PositionState> after = PositionStateDeriver.derive(contributions.values());
    if (!before.equals(after)) {
      context.forward(record.withValue(change(contribution, retracted, before, after)));
    }
  }

  private Map<String, PositionContribution> contributionsTo(String position) {
    Map<String, PositionContribution> contributions = new HashMap<>();
    try (KeyValueIterator<String, PositionContribution> entries = store.prefixScan(position + SEPARATOR, new StringSerializer())) {
      entries.forEachRemaining(entry -> contributions.put(entry.value.getArticleId(), entry.value));
    }
    return contributions;
  }

  private PositionChange change(PositionContribution cause, boolean retracted, Optional<PositionState> before,
      Optional<PositionState> after) {
    return PositionChange.newBuilder()
        .setNegotiation(cause.getNegotiation())
        .setActor(cause.getActor())
        .setIssue(cause.getIssue())
        .setKind(kind(before, after))
        .setBefore(before.orElse(null))
        .setAfter(after.orElse(null))
        .setCausedBy(ArticleRef.newBuilder()
            .setArticleId(cause.getArticleId())
            .setSource(cause.getSource())
            .setUrl(cause.getUrl())
            .setHeadline(cause.getHeadline())
            .setPublishedAt(cause.getPublishedAt())
            .build())
        .setRetracted(retracted)
        .setDetectedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
  }

  private static ChangeKind kind(Optional<PositionState> before, Optional<PositionState> after) {
    if (before.isEmpty()) {
      return ChangeKind.APPEARED;
    }
    if (after.isEmpty()) {
      return ChangeKind.REMOVED;
    }
    return before.get().getStance() == after.get().getStance() ? ChangeKind.UPDATED : ChangeKind.STANCE_CHANGED;
  }
}
