package dev.parley.aggregator;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Bounded reads of a key range: an update reads a few entries of a range, never all of it. */
final class StoreRanges {

  private StoreRanges() {}

  /** The first {@code limit} entries of the range, oldest (lowest key) first. */
  static <V> List<KeyValue<String, V>> oldest(
      KeyValueStore<String, V> store, String from, String to, int limit) {
    try (KeyValueIterator<String, V> entries = store.range(from, to)) {
      return take(entries, limit);
    }
  }

  /** The last {@code limit} entries of the range, newest (highest key) first. */
  static <V> List<KeyValue<String, V>> newest(
      KeyValueStore<String, V> store, String from, String to, int limit) {
    try (KeyValueIterator<String, V> entries = store.reverseRange(from, to)) {
      return take(entries, limit);
    }
  }

  private static <V> List<KeyValue<String, V>> take(
      KeyValueIterator<String, V> entries, int limit) {
    List<KeyValue<String, V>> taken = new ArrayList<>();
    while (entries.hasNext() && taken.size() < limit) {
      taken.add(entries.next());
    }
    return taken;
  }
}
