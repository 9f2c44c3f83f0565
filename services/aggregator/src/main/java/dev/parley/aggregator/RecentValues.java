package dev.parley.aggregator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the stores say of the most recently updated keys, kept in memory so that the next update
 * need not read it back; only this task's processor writes those stores, so it stays true. Bounded:
 * the least recently updated keys are forgotten and read again when they next change. A value is
 * taken out while its key is updated and put back once the update is done, so that an update that
 * fails half way (its record sent to the dead letters) leaves none behind that the stores no longer
 * match; a task that is (re)initialised, its stores restored or rolled back, starts with none.
 */
final class RecentValues<V> {

  private final Map<String, V> values;

  RecentValues(int capacity) {
    this.values =
        new LinkedHashMap<>(capacity, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Empty when not kept. */
  Optional<V> take(String key) {
    return Optional.ofNullable(values.remove(key));
  }

  void put(String key, V value) {
    values.put(key, value);
  }
}
