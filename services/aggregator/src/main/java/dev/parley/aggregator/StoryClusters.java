package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups articles that are copies of one story (one wire report run by several outlets) by their
 * text fingerprints, so that corroboration counts stories, not copies. Two articles are near-copies
 * when they were published within {@link #COPY_WINDOW} of each other and agree on a band and on at
 * least half of their fingerprint values; a story is a group connected by near-copies, so it does
 * not depend on arrival order, and it is named after its earliest article, the one credited with
 * the story.
 *
 * <p>The window is what keeps an update's cost flat as history grows: outlets run a wire story the
 * day it moves, so an article is compared only with the articles of its band published in the days
 * around it, never with the position's whole history. An outlet that runs the same text a day later
 * counts as a story of its own.
 */
final class StoryClusters {

  /**
   * Share of equal fingerprint values from which two articles are one story (their texts overlap by
   * about half).
   */
  static final double SAME_STORY = 0.5;

  /** How far apart in publication time two copies of one story can be. */
  static final Duration COPY_WINDOW = Duration.ofDays(1);

  /**
   * Values per band: with 16 bands of 4, two articles that agree on half their values share a band
   * 64% of the time and on 70% near certainly (copies of a wire story agree on far more), while two
   * that only quote the same statement (a third of their values) share one in 18% of cases, not 98%
   * as with bands of 2; every band an article shares is a band read for each arrival.
   */
  private static final int BAND_WIDTH = 4;

  private static final Comparator<PositionContribution> EVENT_TIME =
      Comparator.comparing(PositionContribution::getPublishedAt)
          .thenComparing(PositionContribution::getArticleId);

  private final Map<String, PositionContribution> originOf = new HashMap<>();
  private final Map<String, List<PositionContribution>> groups = new LinkedHashMap<>();

  private StoryClusters(Collection<PositionContribution> articles) {
    List<PositionContribution> byTime = articles.stream().sorted(EVENT_TIME).toList();
    int[] parent = new int[byTime.size()];
    Map<Long, List<Integer>> articlesByBand = new HashMap<>();
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      List<Integer> fingerprint = byTime.get(i).getFingerprint();
      for (long band : bands(fingerprint)) {
        List<Integer> sharing = articlesByBand.computeIfAbsent(band, k -> new ArrayList<>());
        for (int j : sharing) {
          int a = root(parent, i);
          int b = root(parent, j);
          if (a != b && nearCopies(byTime.get(i), byTime.get(j))) {
            // the root is always the earliest article of the group: roots only ever point backwards
            // in time
            parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
        sharing.add(i);
      }
    }
    for (int i = 0; i < parent.length; i++) {
      PositionContribution origin = byTime.get(root(parent, i));
      originOf.put(byTime.get(i).getArticleId(), origin);
      groups.computeIfAbsent(origin.getArticleId(), k -> new ArrayList<>()).add(byTime.get(i));
    }
  }

  /** The connected groups of near-copies among {@code articles}, in any order. */
  static StoryClusters of(Collection<PositionContribution> articles) {
    return new StoryClusters(articles);
  }

  /** The earliest article of the story the given article belongs to (itself when it is no copy). */
  PositionContribution origin(PositionContribution article) {
    return originOf.get(article.getArticleId());
  }

  /** Each story's articles, oldest first. */
  Collection<List<PositionContribution>> groups() {
    return groups.values();
  }

  /**
   * Locality-sensitive bands: only articles that agree on every value of some band are compared,
   * which keeps a position with thousands of articles from comparing every pair.
   */
  static long[] bands(List<Integer> fingerprint) {
    return bands(fingerprint.stream().mapToInt(Integer::intValue).toArray());
  }

  static long[] bands(int[] fingerprint) {
    long[] bands = new long[fingerprint.length / BAND_WIDTH];
    for (int band = 0; band < bands.length; band++) {
      long hash = band * 0x9E3779B97F4A7C15L;
      for (int i = band * BAND_WIDTH; i < (band + 1) * BAND_WIDTH; i++) {
        hash = (hash ^ (fingerprint[i] & 0xFFFFFFFFL)) * 0x100000001B3L;
      }
      bands[band] = hash;
    }
    return bands;
  }

  /**
   * Whether publication times {@code a} and {@code b} (epoch millis) are close enough for copies of
   * a story.
   */
  static boolean withinCopyWindow(long a, long b) {
    return Math.abs(a - b) <= COPY_WINDOW.toMillis();
  }

  static boolean nearCopies(PositionContribution a, PositionContribution b) {
    return withinCopyWindow(a.getPublishedAt().toEpochMilli(), b.getPublishedAt().toEpochMilli())
        && sameStory(a.getFingerprint(), b.getFingerprint());
  }

  static boolean sameStory(List<Integer> a, List<Integer> b) {
    if (a.isEmpty() || a.size() != b.size()) {
      return false;
    }
    int same = 0;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).equals(b.get(i))) {
        same++;
      }
    }
    return same >= SAME_STORY * a.size();
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] =
          parent[
              parent[
                  i]]; // path halving keeps later look-ups short; roots stay the earliest articles
      i = parent[i];
    }
    return i;
  }
}
