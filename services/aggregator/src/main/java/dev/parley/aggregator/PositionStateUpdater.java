package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionContributions;
import dev.parley.avro.PositionState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by position: applies one article's contribution (or its retraction) to the set of
 * contributions, derives the state again and emits it only when it really changed; a tombstone when
 * no article states the position any more.
 */
final class PositionStateUpdater implements Processor<String, PositionContribution, String, PositionState> {

  static final String STORE = "position-contributions";

  private ProcessorContext<String, PositionState> context;
  private KeyValueStore<String, PositionContributions> store;

  @Override
  public void init(ProcessorContext<String, PositionState> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, PositionContribution> record) {
    PositionContributions stored = store.get(record.key());
    Map<String, PositionContribution> contributions = stored == null ? new HashMap<>() : new HashMap<>(stored.getContributions());
    Optional<PositionState> before = PositionStateDeriver.derive(contributions.values());
    PositionContribution contribution = record.value();
    if (contribution.getStance() == 0) {
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
    if (before.equals(after)) {
      return;
    }
    after.ifPresent(state -> state.setUpdatedBy(contribution.getArticleId()));
    context.forward(record.withValue(after.orElse(null)));
  }
}
