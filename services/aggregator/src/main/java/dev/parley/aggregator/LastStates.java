package dev.parley.aggregator;

import dev.parley.avro.PositionState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state last derived for each of the most recently updated positions, so that an update never
 * derives the state before it, and mostly builds the state after it from that one: the state before
 * is the one derived after the previous update of the same position, since only that processor
 * writes the position's stores. Bounded: the least recently updated positions are forgotten and
 * derived again when they next change.
 */
final class LastStates {

  private final Map<String, Optional<PositionState>> states;

  LastStates(int capacity) {
    this.states =
        new LinkedHashMap<>(capacity, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Optional<PositionState>> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Empty when not kept; else the state, itself empty when no article stated the position. Taken
   * out, so that an update that fails half way (its record sent to the dead letters) leaves none
   * behind that its stores no longer match.
   */
  Optional<Optional<PositionState>> take(String position) {
    return Optional.ofNullable(states.remove(position));
  }

  void put(String position, Optional<PositionState> state) {
    states.put(position, state);
  }
}
