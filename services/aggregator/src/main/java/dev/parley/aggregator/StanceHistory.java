package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.StanceChange;
import dev.parley.avro.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a position's current stance moved through event time: replaying its articles in published
 * order, the current stance is always the latest article's, and every change of it is an entry.
 * Derived from the articles alone, so a late-arriving old article rewrites the past, as it should.
 */
final class StanceHistory {

  static final int MAX_ENTRIES = 20;
  /** How far back the trend looks, before the position's latest article. */
  static final Duration TREND_WINDOW = Duration.ofDays(14);

  private StanceHistory() {}

  /** The most recent changes, oldest first. {@code byTime}: contributions in event-time order. */
  static List<StanceChange> of(List<PositionContribution> byTime) {
    List<StanceChange> changes = new ArrayList<>();
    Integer current = null;
    for (PositionContribution c : byTime) {
      if (current == null || current != c.getStance()) {
        current = c.getStance();
        changes.add(new StanceChange(c.getPublishedAt(), c.getStance(), c.getArticleId(), c.getSource()));
      }
    }
    return List.copyOf(changes.subList(Math.max(0, changes.size() - MAX_ENTRIES), changes.size()));
  }

  /**
   * The current stance against the one held at the start of the trend window (or, for a position
   * younger than the window, its first stance), relative to the actor's own earlier stance.
   */
  static Trend trend(List<PositionContribution> byTime) {
    PositionContribution latest = byTime.get(byTime.size() - 1);
    Instant windowStart = latest.getPublishedAt().minus(TREND_WINDOW);
    PositionContribution reference = byTime.get(0);
    for (PositionContribution c : byTime) {
      if (c.getPublishedAt().isAfter(windowStart)) {
        break;
      }
      reference = c;
    }
    int before = reference.getStance();
    int now = latest.getStance();
    if (before == now) {
      return Trend.STEADY;
    }
    boolean sameSide = Integer.signum(before) == Integer.signum(now);
    return sameSide && Math.abs(now) > Math.abs(before) ? Trend.HARDENING : Trend.SOFTENING;
  }
}
