package dev.parley.aggregator;

import dev.parley.avro.StanceChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/**
 * Consecutive stance turns of one track, held in memory and complete from the first held to the
 * last: the turn at or before a time between them is found without reading the store. It serves the
 * trend's reference, two weeks before the track's latest article, which moves forward with the
 * news: the turns after it are read ahead, {@link #READ_AHEAD} at a time, and those behind it are
 * let go. Until the track's history reaches back that far, the reference is the track's first turn,
 * and the run holds the track's first turns. Turns written or deleted between the first and the
 * last held (or before the first, when it is the track's) are written or deleted here too, so that
 * it stays complete.
 */
final class TurnRun {

  /** Turns read at once past the last held. */
  static final int READ_AHEAD = 64;

  /** Turns held at most: past it the newest go, and the run stays complete from its first. */
  static final int MAX_HELD = 2 * READ_AHEAD;

  private final TreeMap<String, StanceChange> turns = new TreeMap<>();

  /** Whether the first turn held is the track's first. */
  private boolean fromTrackStart;

  /**
   * The turn at or before {@code bound} (a range end of the track's stance turns), or the track's
   * first turn when none is, when the run holds the turns on both sides of it; empty when they must
   * be read.
   */
  Optional<StanceChange> upTo(String bound) {
    if (turns.isEmpty() || bound.compareTo(turns.lastKey()) >= 0) {
      return Optional.empty();
    }
    if (bound.compareTo(turns.firstKey()) < 0) {
      return fromTrackStart ? Optional.of(turns.firstEntry().getValue()) : Optional.empty();
    }
    Map.Entry<String, StanceChange> found = turns.floorEntry(bound);
    if (!found.getKey().equals(turns.firstKey())) {
      // the reference moves forward with the news: what lies behind it is not asked for again
      turns.headMap(found.getKey(), false).clear();
      fromTrackStart = false;
    }
    return Optional.of(found.getValue());
  }

  /** The last key held; empty when none is. */
  Optional<String> last() {
    return turns.isEmpty() ? Optional.empty() : Optional.of(turns.lastKey());
  }

  /** Turns read from the store in key order, right after the last held (or from none). */
  void extend(List<KeyValue<String, StanceChange>> next) {
    next.forEach(turn -> turns.put(turn.key, turn.value));
    keepAtMost();
  }

  /**
   * Holds just {@code turn}, read from the store; {@code first}: whether it is the track's first.
   */
  void restart(KeyValue<String, StanceChange> turn, boolean first) {
    turns.clear();
    turns.put(turn.key, turn.value);
    fromTrackStart = first;
  }

  /** A turn written to the store: held when it falls within the run. */
  void written(String key, StanceChange turn) {
    if (!turns.isEmpty()
        && (fromTrackStart || key.compareTo(turns.firstKey()) >= 0)
        && key.compareTo(turns.lastKey()) <= 0) {
      turns.put(key, turn);
      keepAtMost();
    }
  }

  void deleted(String key) {
    turns.remove(key);
  }

  int size() {
    return turns.size();
  }

  private void keepAtMost() {
    while (turns.size() > MAX_HELD) {
      turns.pollLastEntry();
    }
  }
}
