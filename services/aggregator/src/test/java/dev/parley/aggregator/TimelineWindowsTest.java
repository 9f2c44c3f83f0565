package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The windows of the busy tracks stay within their budget of entries, whatever they hold. */
class TimelineWindowsTest {

  @Test
  void leastRecentlyUpdatedTracksGoFirst() {
    TimelineWindows windows = new TimelineWindows(10, 10);
    windows.put("a", window(4));
    windows.put("b", window(4));
    windows.take("a"); // updated: now the most recent
    windows.put("a", window(4));
    windows.put("c", window(4));
    assertTrue(windows.held() <= 10, "held " + windows.held());
    assertEquals(0, windows.take("b").size(), "the least recently updated window went");
    assertEquals(4, windows.take("a").size());
    assertEquals(4, windows.take("c").size());
  }

  @Test
  void aWindowPastItsShareKeepsItsNewestEntriesAndLeavesRoomForOthers() {
    TimelineWindows windows = new TimelineWindows(16, 10);
    windows.put("b", window(6));
    windows.put("a", window(25));
    assertEquals(16, windows.held());
    assertEquals(6, windows.take("b").size(), "the other window stays");
    TimelineWindow kept = windows.take("a");
    assertEquals(10, kept.size());
    assertFalse(kept.covers(key(15)), "the oldest entries went");
    assertTrue(kept.covers(key(16)));
    assertEquals(Optional.of(key(23)), kept.older(key(24)).map(TimelineEntry::key));
  }

  /** A window of {@code n} entries, added newest last as live news comes. */
  private static TimelineWindow window(int n) {
    TimelineWindow window = new TimelineWindow();
    Optional<TimelineEntry> older = Optional.empty();
    for (int i = 0; i < n; i++) {
      TimelineEntry entry = new TimelineEntry(key(i), "a" + i, Instant.ofEpochSecond(i), 1, "s");
      window.added(entry, older, Optional.empty());
      older = Optional.of(entry);
    }
    return window;
  }

  private static String key(int i) {
    return String.format("t|%04d", i);
  }
}
