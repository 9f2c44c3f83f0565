package dev.parley.aggregator;

import java.time.Instant;

/**
 * The store keys of one position's confirmed (or unconfirmed) contributions. Every key starts with
 * the track, then a one-letter kind, so that each kind of a position is one contiguous, ordered
 * range; times are written as fixed-width hex of the sign-flipped millis, so that string order is
 * time order (negative times included).
 */
record Track(String key) {

  /** Sorts after every article id, to end a range that includes all articles at one time. */
  private static final String AFTER_ALL = "\uffff";

  private static final int TIME_WIDTH = 16;

  static Track of(String position, boolean confirmed) {
    return new Track(position + "|" + (confirmed ? "c" : "u"));
  }

  String contribution(String articleId) {
    return key + "|a|" + articleId;
  }

  String timeline(Instant at, String articleId) {
    return atTime('t', at, articleId);
  }

  String timelineFrom() {
    return rangeFrom('t');
  }

  String timelineTo() {
    return rangeTo('t');
  }

  /** The end of the timeline range of articles published at {@code at} or before. */
  String timelineUpTo(Instant at) {
    return atTime('t', at, AFTER_ALL);
  }

  /** A point where the stance's sign differs from the article published just before. */
  String signTurn(Instant at, String articleId) {
    return atTime('s', at, articleId);
  }

  String signTurnsFrom() {
    return rangeFrom('s');
  }

  String signTurnsTo() {
    return rangeTo('s');
  }

  /** A point where the stance differs from the article published just before. */
  String stanceTurn(Instant at, String articleId) {
    return atTime('h', at, articleId);
  }

  String stanceTurnsFrom() {
    return rangeFrom('h');
  }

  String stanceTurnsTo() {
    return rangeTo('h');
  }

  String storyOf(String articleId) {
    return key + "|o|" + articleId;
  }

  String story(String storyId) {
    return key + "|" + storyId;
  }

  /** An article that has a fingerprint band, indexed under the band by its time. */
  String bandMember(long band, Instant at, String articleId) {
    return bandMembers(band) + time(at) + "|" + articleId;
  }

  /** The start of the band's range of articles published at {@code from} or later. */
  String bandFrom(long band, Instant from) {
    return bandMembers(band) + time(from);
  }

  /** The end of the band's range of articles published at {@code to} or before. */
  String bandUpTo(long band, Instant to) {
    return bandMembers(band) + time(to) + "|" + AFTER_ALL;
  }

  /** An article's fingerprint, packed ({@link PackedFingerprint}). */
  String fingerprint(String articleId) {
    return key + "|f|" + articleId;
  }

  /** The article id of a {@link #bandMember} key. */
  String articleOfBandMember(long band, String memberKey) {
    return memberKey.substring(bandMembers(band).length() + TIME_WIDTH + 1);
  }

  private String bandMembers(long band) {
    return key + "|b|" + Long.toHexString(band) + "|";
  }

  /** A story's latest article with a stance of the given sign, indexed by its time. */
  String sideOfStory(int sign, Instant latest, String storyId) {
    return key + "|d|" + side(sign) + time(latest) + "|" + storyId;
  }

  String sideFrom(int sign, Instant from) {
    return key + "|d|" + side(sign) + time(from);
  }

  String sideTo(int sign) {
    return key + "|d|" + side(sign) + AFTER_ALL;
  }

  /** A key of one kind's time-ordered range: an article's entry at its time. */
  private String atTime(char kind, Instant at, String articleId) {
    return rangeFrom(kind) + time(at) + "|" + articleId;
  }

  private String rangeFrom(char kind) {
    return key + "|" + kind + "|";
  }

  private String rangeTo(char kind) {
    return rangeFrom(kind) + AFTER_ALL;
  }

  private static String side(int sign) {
    return sign > 0 ? "+" : "-";
  }

  private static String time(Instant at) {
    // String.format parses its pattern on every call, and every key of an update has a time
    String hex = Long.toHexString(at.toEpochMilli() ^ Long.MIN_VALUE);
    return "0".repeat(TIME_WIDTH - hex.length()) + hex;
  }
}
