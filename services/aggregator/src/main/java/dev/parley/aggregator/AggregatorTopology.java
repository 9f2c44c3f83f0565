package dev.parley.aggregator;

import dev.parley.avro.ArticlePositions;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionState;
import dev.parley.avro.Statement;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.serde.AvroSerde;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Positions of each article in, the live state of each position out. Two steps: per article, what
 * changed since its previous extraction; then, repartitioned by position, the position's running
 * state updated by that change alone, published as a change (before, after, cause) and as the new
 * state. Both steps keep their state in fault-tolerant stores.
 */
public final class AggregatorTopology {

  private AggregatorTopology() {}

  public static Topology buildTopology(SchemaRegistryClient registry) {
    return buildTopology(registry, Stores::persistentKeyValueStore);
  }

  /**
   * {@code stores}: the byte store under each named store, e.g. one that counts reads in a test.
   */
  public static Topology buildTopology(
      SchemaRegistryClient registry, Function<String, KeyValueBytesStoreSupplier> stores) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            stores.apply(ContributionDiffer.STORE),
            Serdes.String(),
            Topics.POSITIONS.valueSerde(registry)));
    PositionStores.addTo(builder, registry, stores);
    KStream<String, PositionChange> changes =
        builder.<String, ArticlePositions>stream(
                Topics.POSITIONS.name(), Topics.POSITIONS.consumed(registry))
            .process(
                ContributionDiffer::new, Named.as("diff-contributions"), ContributionDiffer.STORE)
            .repartition(
                Repartitioned.<String, PositionContribution>as("by-position")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(AvroSerde.forValues(registry, PositionContribution.class)))
            .process(PositionStateUpdater::new, Named.as("update-state"), PositionStores.NAMES);
    // a state stands in two records (this change's after and the state topic), and most of its
    // statements stood in the state before it: each is encoded once
    changes.to(
        Topics.POSITION_CHANGES.name(),
        Topics.POSITION_CHANGES.produced(registry, PositionState.class, Statement.class));
    // the state topic is the change's 'after': a tombstone when the position was removed
    changes
        .mapValues(PositionChange::getAfter, Named.as("state-after-change"))
        .to(
            Topics.POSITION_STATE.name(),
            Topics.POSITION_STATE.produced(registry, PositionState.class));
    return builder.build();
  }
}
