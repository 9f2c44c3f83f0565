package dev.parley.aggregator;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The newest entries of one track's timeline, held in memory and complete from the oldest held to
 * the track's newest: an article published after that oldest one finds both its neighbours in time
 * here, without reading the store. Live news comes that way, and so do articles a few hours late
 * when several feeds push batches at once. Starts from the track's newest article, takes in each
 * article it covers or that joins its oldest end, and loses its oldest entries past its share
 * ({@link TimelineWindows}); empty when nothing is known. With them, the run of the track's stance
 * turns around the trend's reference ({@link TurnRun}) and the newest stories of each side ({@link
 * StoriesBySide}).
 */
final class TimelineWindow {

  private final TreeMap<String, TimelineEntry> entries = new TreeMap<>();
  private final TurnRun stanceTurns = new TurnRun();
  private final StoriesBySide storiesBySide = new StoriesBySide();

  /** Whether an entry at {@code key} has both its neighbours here (a newer one or none). */
  boolean covers(String key) {
    return !entries.isEmpty() && key.compareTo(entries.firstKey()) > 0;
  }

  /** Only when {@link #covers} the key. */
  Optional<TimelineEntry> older(String key) {
    return Optional.ofNullable(entries.lowerEntry(key)).map(Map.Entry::getValue);
  }

  /** Only when {@link #covers} the key. */
  Optional<TimelineEntry> newer(String key) {
    return Optional.ofNullable(entries.higherEntry(key)).map(Map.Entry::getValue);
  }

  /**
   * The latest entry at or before {@code bound} (a key of the track's timeline, or a range end),
   * when the window reaches back to it.
   */
  Optional<TimelineEntry> latestUpTo(String bound) {
    if (entries.isEmpty() || entries.firstKey().compareTo(bound) > 0) {
      return Optional.empty();
    }
    return Optional.of(entries.floorEntry(bound).getValue());
  }

  /**
   * An entry added to the timeline between {@code older} and {@code newer}, its neighbours there:
   * held when it is covered, or when it and its older neighbour join the oldest end held (or start
   * the window as the track's newest).
   */
  void added(TimelineEntry entry, Optional<TimelineEntry> older, Optional<TimelineEntry> newer) {
    boolean adjoins =
        covers(entry.key())
            || (entries.isEmpty()
                ? newer.isEmpty()
                : newer.filter(n -> n.key().equals(entries.firstKey())).isPresent());
    if (adjoins) {
      entries.put(entry.key(), entry);
      older.ifPresent(o -> entries.put(o.key(), o));
    }
  }

  /** An entry taken out of the timeline: the rest stays complete from its oldest. */
  void removed(String key) {
    entries.remove(key);
  }

  TurnRun stanceTurns() {
    return stanceTurns;
  }

  StoriesBySide storiesBySide() {
    return storiesBySide;
  }

  /** Entries, turns and stories held. */
  int size() {
    return entries.size() + stanceTurns.size() + storiesBySide.size();
  }

  /** Drops the oldest entries while more than {@code size} entries, turns and stories are held. */
  void keepNewest(int size) {
    while (!entries.isEmpty() && size() > size) {
      entries.pollFirstEntry();
    }
  }
}
