package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.StanceChange;
import java.time.Instant;

/**
 * What the turns next to an article need of it: its place in its track's timeline (the store key),
 * its stance and the turn it makes. Small, so that a {@link TimelineWindow} holds thousands.
 */
record TimelineEntry(String key, String articleId, Instant publishedAt, int stance, String source) {

  static TimelineEntry of(String key, PositionContribution c) {
    return new TimelineEntry(
        key, c.getArticleId(), c.getPublishedAt(), c.getStance(), c.getSource());
  }

  /** The turn this article makes where its stance differs from the one published before it. */
  StanceChange turn() {
    return new StanceChange(publishedAt, stance, articleId, source);
  }

  /**
   * {@code previous}: the entry published just before {@code e}, null when there is none. The
   * stores hold a stance turn at every entry for which this is true, and only there.
   */
  static boolean turnsStance(TimelineEntry previous, TimelineEntry e) {
    return previous == null || previous.stance != e.stance;
  }

  /** As {@link #turnsStance}, for the sign of the stance. */
  static boolean turnsSign(TimelineEntry previous, TimelineEntry e) {
    return previous == null || Integer.signum(previous.stance) != Integer.signum(e.stance);
  }
}
