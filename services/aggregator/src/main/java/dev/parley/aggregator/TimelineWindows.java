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

  /** Entries held in all (turns and stories count as entries), about 250 bytes each. */
  static final int KEPT_ENTRIES = 32_768;

  /**
   * Entries held for one track: when eight feeds push batches of 500 articles at once, a track that
   * every article states has its last 4,000 in flight.
   */
  static final int KEPT_PER_TRACK = 4_096;

  private final LinkedHashMap<String, Held> windows = new LinkedHashMap<>(16, 0.75f, true);
  private final int keptEntries;
  private final int keptPerTrack;
  private int held;

  /**
   * A window with its size when it was put back: the state derived after that reads its run of
   * turns and its stories by side in, so what it counts for is what was added to {@link #held}.
   */
  private record Held(TimelineWindow window, int size) {}

  TimelineWindows() {
    this(KEPT_ENTRIES, KEPT_PER_TRACK);
  }

  TimelineWindows(int keptEntries, int keptPerTrack) {
    this.keptEntries = keptEntries;
    this.keptPerTrack = Math.min(keptPerTrack, keptEntries);
  }

  /** The track's window, or an empty one when none is held. */
  TimelineWindow take(String track) {
    Held window = windows.remove(track);
    if (window == null) {
      return new TimelineWindow();
    }
    held -= window.size();
    return window.window();
  }

  void put(String track, TimelineWindow window) {
    if (window.size() == 0) {
      return;
    }
    window.keepNewest(keptPerTrack);
    int size = window.size();
    windows.put(track, new Held(window, size));
    held += size;
    Iterator<Map.Entry<String, Held>> leastRecentFirst = windows.entrySet().iterator();
    while (held > keptEntries && leastRecentFirst.hasNext()) {
      Map.Entry<String, Held> eldest = leastRecentFirst.next();
      if (eldest.getValue().window() != window) {
        held -= eldest.getValue().size();
        leastRecentFirst.remove();
      }
    }
  }

  /** Entries, turns and stories held in all. */
  int held() {
    return held;
  }
}
