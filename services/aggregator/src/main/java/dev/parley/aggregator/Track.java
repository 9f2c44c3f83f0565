package dev.parley.aggregator;

import java.time.Instant;

/**
 * The store keys of one position's confirmed (or unconfirmed) contributions. Every key starts with
 * the track, then a one-letter kind, so that each kind of a position is one contiguous, ordered
 * range; but for an article's contribution, kept by position.
 */
record Track(String position, String key) {

  static Track of(String position, boolean confirmed) {
    return new Track(position, position + "|" + (confirmed ? "c" : "u"));
  }

  /**
   * An article's contribution, whichever track it is on (an article states a position once): its
   * earlier contribution is one read, not one per track.
   */
  static String contribution(String position, String articleId) {
    return position + "|a|" + articleId;
  }

  String contribution(String articleId) {
    return contribution(position, articleId);
  }

  /** The contributions by published time. */
  TimeOrdered timeline() {
    return new TimeOrdered(key + "|t|");
  }

  /** The points where the stance's sign differs from the article published just before. */
  TimeOrdered signTurns() {
    return new TimeOrdered(key + "|s|");
  }

  /** The points where the stance differs from the article published just before. */
  TimeOrdered stanceTurns() {
    return new TimeOrdered(key + "|h|");
  }

  String storyOf(String articleId) {
    return key + "|o|" + articleId;
  }

  String story(String storyId) {
    return key + "|" + storyId;
  }

  /** Each story's latest article with a stance of the given sign, by time, keyed by story id. */
  TimeOrdered sideOfStories(int sign) {
    return new TimeOrdered(key + "|d|" + (sign > 0 ? "+" : "-"));
  }

  /**
   * One kind's keys, each an entry's time and id, in time order: times are written as fixed-width
   * hex of the sign-flipped millis, so that string order is time order (negative times included).
   */
  record TimeOrdered(String prefix) {

    /** Sorts after every id, to end a range that includes all entries at one time. */
    private static final String AFTER_ALL = "\uffff";

    private static final int TIME_WIDTH = 16;

    String at(Instant at, String id) {
      return from(at) + "|" + id;
    }

    String from() {
      return prefix;
    }

    String to() {
      return prefix + AFTER_ALL;
    }

    /** The start of the range of entries at {@code from} or later. */
    String from(Instant from) {
      return prefix + time(from);
    }

    /** The end of the range of entries at {@code to} or before. */
    String upTo(Instant to) {
      return at(to, AFTER_ALL);
    }

    /** The id of an {@link #at} key. */
    String idOf(String key) {
      return key.substring(prefix.length() + TIME_WIDTH + 1);
    }

    private static String time(Instant at) {
      // String.format parses its pattern on every call, and every key of an update has a time
      String hex = Long.toHexString(at.toEpochMilli() ^ Long.MIN_VALUE);
      return "0".repeat(TIME_WIDTH - hex.length()) + hex;
    }
  }
}
