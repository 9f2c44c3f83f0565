package dev.parley.aggregator;

import dev.parley.avro.ArticleRef;
import dev.parley.avro.ChangeKind;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionContributions;
import dev.parley.avro.PositionState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by position: applies one article's contribution (or its retraction) to the set of
 * contributions, derives the state again and, only when it really changed, emits the change:
 * before, after and the article that caused it.
 */
final class PositionStateUpdater implements Processor<String, PositionContribution, String, PositionChange> {

  static final String STORE = "position-contributions";

  private ProcessorContext<String, PositionChange> context;
  private KeyValueStore<String, PositionContributions> store;

  @Override
  public void init(ProcessorContext<String, PositionChange> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, PositionContribution> record) {
    PositionContributions stored = store.get(record.key());
    Map<String, PositionContribution> contributions = stored == null ? new HashMap<>() : new HashMap<>(stored.getContributions());
    Optional<PositionState> before = PositionStateDeriver.derive(contributions.values());
    PositionContribution contribution = record.value();
    boolean retracted = contribution.getStance() == 0;
    if (retracted) {
      contributions.remove(contribution.getArticleId());
    } else {
      contributions.put(contribution.getArticleId(), contribution);
    }
    Optional<PositionState> after = PositionStateDeriver.derive(contributions.values());
    if (contributions.isEmpty()) {
      store.delete(record.key());
    } else {
      store.put(record.key(), new PositionContributions(contributions));
    }
    if (!before.equals(after)) {
      context.forward(record.withValue(change(contribution, retracted, before, after)));
    }
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
