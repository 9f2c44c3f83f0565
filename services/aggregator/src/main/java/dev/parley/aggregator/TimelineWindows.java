package dev.parley.aggregator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The timeline windows of the most recently updated tracks ({@link TimelineWindow}), within a
 * budget of entries for all of them: each window keeps at most its newest {@link #KEPT_PER_TRACK},
 * so that the busiest track leaves room for the next ones, and the least recently updated tracks'
 * windows go first. Like {@link RecentValues}, a window is taken out while its track is updated and
 * put back once the update is done, so that one that fails half way leaves none that the stores no
 * longer match; a task that is (re)initialised starts with none.
 */
final class TimelineWindows {

  /** Entries held in all, about 250 bytes each. */
  static final int KEPT_ENTRIES = 32_768;

  /**
   * Entries held for one track: when eight feeds push batches of 500 articles at once, a track that
   * every article states has its last 4,000 in flight.
   */
  static final int KEPT_PER_TRACK = 4_096;

  private final LinkedHashMap<String, TimelineWindow> windows =
      new LinkedHashMap<>(16, 0.75f, true);
  private final int keptEntries;
  private final int keptPerTrack;
  private int held;

  TimelineWindows() {
    this(KEPT_ENTRIES, KEPT_PER_TRACK);
  }

  TimelineWindows(int keptEntries, int keptPerTrack) {
    this.keptEntries = keptEntries;
    this.keptPerTrack = Math.min(keptPerTrack, keptEntries);
  }

  /** The track's window, or an empty one when none is held. */
  TimelineWindow take(String track) {
    TimelineWindow window = windows.remove(track);
    if (window == null) {
      return new TimelineWindow();
    }
    held -= window.size();
    return window;
  }

  void put(String track, TimelineWindow window) {
    if (window.size() == 0) {
      return;
    }
    window.keepNewest(keptPerTrack);
    windows.put(track, window);
    held += window.size();
    Iterator<Map.Entry<String, TimelineWindow>> leastRecentFirst = windows.entrySet().iterator();
    while (held > keptEntries) {
      Map.Entry<String, TimelineWindow> eldest = leastRecentFirst.next();
      if (eldest.getValue() != window) {
        held -= eldest.getValue().size();
        leastRecentFirst.remove();
      }
    }
  }

  /** Entries held in all. */
  int held() {
    return held;
  }
}
