package dev.parley.aggregator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/**
 * The newest entries of one track's index of each story's latest article per side ({@link
 * Track#sideOfStories}), held in memory: for each side, every entry from a bound on, so that the
 * stories of that side since a time past the bound are known without reading the store. The dispute
 * check asks for {@link #ASKED} of them since a week before the track's latest article, a time that
 * moves forward with the news; the entries the track's stories write and delete from the bound on
 * are written and deleted here too.
 */
final class StoriesBySide {

  /** Stories of one side the dispute check asks for. */
  static final int ASKED = 2;

  private final Side against = new Side();
  private final Side inFavour = new Side();

  /** One side's entries (key to story), every one from {@code bound} on; none known when null. */
  private static final class Side {
    private final TreeMap<String, String> entries = new TreeMap<>();
    private String bound;
  }

  /**
   * The stories of the side of {@code sign} whose entries are at {@code from} (a key of the side's
   * range) or later, newest first, at most {@link #ASKED}; empty when they must be read.
   */
  Optional<List<String>> since(int sign, String from) {
    Side side = side(sign);
    // before the bound, entries not held may be there, but older than the ones held
    if (side.bound == null || (from.compareTo(side.bound) < 0 && side.entries.size() < ASKED)) {
      return Optional.empty();
    }
    List<String> stories = new ArrayList<>();
    for (String story : side.entries.tailMap(from, true).descendingMap().values()) {
      if (stories.size() == ASKED) {
        break;
      }
      stories.add(story);
    }
    return Optional.of(stories);
  }

  /**
   * What a read of the side's entries from {@code from} on gave, newest first: all of them, or the
   * {@link #ASKED} newest.
   */
  void read(int sign, String from, List<KeyValue<String, String>> newestFirst) {
    Side side = side(sign);
    side.entries.clear();
    newestFirst.forEach(entry -> side.entries.put(entry.key, entry.value));
    side.bound = newestFirst.size() < ASKED ? from : side.entries.firstKey();
  }

  /** An entry written to the store: held when it falls within what is held. */
  void written(int sign, String key, String story) {
    Side side = side(sign);
    if (side.bound != null && key.compareTo(side.bound) >= 0) {
      side.entries.put(key, story);
      while (side.entries.size() > ASKED) {
        side.entries.pollFirstEntry();
        side.bound = side.entries.firstKey();
      }
    }
  }

  void deleted(int sign, String key) {
    side(sign).entries.remove(key);
  }

  /** Entries held. */
  int size() {
    return against.entries.size() + inFavour.entries.size();
  }

  private Side side(int sign) {
    return sign > 0 ? inFavour : against;
  }
}
