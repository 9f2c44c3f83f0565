package dev.parley.aggregator;

import dev.parley.avro.Trend;
import java.time.Duration;

/**
 * How a position's current stance moved through event time: replaying its articles in published
 * order, the current stance is always the latest article's, and every change of it is an entry
 * (kept as turns by {@link PositionTimeline}). Derived from the articles alone, so a late-arriving
 * old article rewrites the past, as it should.
 */
final class StanceHistory {

  static final int MAX_ENTRIES = 20;

  /** How far back the trend looks, before the position's latest article. */
  static final Duration TREND_WINDOW = Duration.ofDays(14);

  private StanceHistory() {}

  /**
   * The current stance against the one held at the start of the trend window (or, for a position
   * younger than the window, its first stance), relative to the actor's own earlier stance.
   */
  static Trend trend(int before, int now) {
    if (before == now) {
      return Trend.STEADY;
    }
    boolean sameSide = Integer.signum(before) == Integer.signum(now);
    return sameSide && Math.abs(now) > Math.abs(before) ? Trend.HARDENING : Trend.SOFTENING;
  }
}
