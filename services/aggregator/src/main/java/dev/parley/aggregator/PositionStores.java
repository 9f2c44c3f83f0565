package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionTally;
import dev.parley.avro.StanceChange;
import dev.parley.avro.Story;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.serde.AvroSerde;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The stores that keep every position's state up to date incrementally, keyed by {@link Track}
 * keys: the contributions (by article and by published time), the turns of the stance, the running
 * tally, the stories and the index that finds them (article to story, latest time of each story's
 * side); and the copy index that every position of a task shares ({@link CopyIndex}): each
 * article's time and fingerprint, by article and by day of publication.
 */
record PositionStores(
    KeyValueStore<String, PositionContribution> contributions,
    KeyValueStore<String, StanceChange> turns,
    KeyValueStore<String, PositionTally> tallies,
    KeyValueStore<String, Story> stories,
    KeyValueStore<String, String> index,
    KeyValueStore<String, byte[]> bands) {

  static final String CONTRIBUTIONS = "position-contributions";
  static final String TURNS = "position-turns";
  static final String TALLIES = "position-tallies";
  static final String STORIES = "position-stories";
  static final String INDEX = "position-index";
  static final String BANDS = "position-bands";
  static final String[] NAMES = {CONTRIBUTIONS, TURNS, TALLIES, STORIES, INDEX, BANDS};

  static PositionStores from(ProcessorContext<?, ?> context) {
    return new PositionStores(
        context.getStateStore(CONTRIBUTIONS),
        context.getStateStore(TURNS),
        context.getStateStore(TALLIES),
        context.getStateStore(STORIES),
        context.getStateStore(INDEX),
        context.getStateStore(BANDS));
  }

  /**
   * {@code supplier}: the byte store under each named store (persistent in production, wrapped by
   * tests that count reads).
   */
  static void addTo(
      StreamsBuilder builder,
      SchemaRegistryClient registry,
      Function<String, KeyValueBytesStoreSupplier> supplier) {
    add(
        builder,
        supplier,
        CONTRIBUTIONS,
        AvroSerde.forValues(registry, PositionContribution.class),
        false);
    add(builder, supplier, TURNS, AvroSerde.forValues(registry, StanceChange.class), false);
    add(builder, supplier, TALLIES, AvroSerde.forValues(registry, PositionTally.class), true);
    add(builder, supplier, STORIES, AvroSerde.forValues(registry, Story.class), true);
    add(builder, supplier, INDEX, Serdes.String(), false);
    // each article's time and fingerprint (PackedFingerprint), by article and by day: comparing an
    // arriving article with the others of a band decodes no record
    add(builder, supplier, BANDS, Serdes.ByteArray(), false);
  }

  /**
   * {@code cached}: only for stores read by key alone. The record cache serves an update's reads of
   * the entries the last updates of its position wrote (its tally, its stories) and writes each to
   * RocksDB and the changelog once per commit; but every range read of a cached store copies the
   * cached keys of that range first, which made scans over a busy timeline cost as much as the
   * cache held.
   */
  private static <V> void add(
      StreamsBuilder builder,
      Function<String, KeyValueBytesStoreSupplier> supplier,
      String name,
      Serde<V> values,
      boolean cached) {
    var store = Stores.keyValueStoreBuilder(supplier.apply(name), Serdes.String(), values);
    builder.addStateStore(cached ? store.withCachingEnabled() : store);
  }
}
