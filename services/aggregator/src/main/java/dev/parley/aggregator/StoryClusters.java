package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
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
 * when they agree on a band and on at least half of their fingerprint values; a story is a group
 * connected by near-copies, so it does not depend on arrival order, and it is named after its
 * earliest article, the one credited with the story.
 */
final class StoryClusters {

  /**
   * Share of equal fingerprint values from which two articles are one story (their texts overlap by
   * about half).
   */
  static final double SAME_STORY = 0.5;

  private static final int BAND_WIDTH = 2;
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
          if (a != b && sameStory(fingerprint, byTime.get(j).getFingerprint())) {
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
   * Locality-sensitive bands: only articles that agree on both values of some band are compared,
   * which keeps a position with thousands of articles from comparing every pair. Two articles that
   * share half their values share a band with near certainty (1 - 0.75^32); unrelated ones rarely.
   */
  static long[] bands(List<Integer> fingerprint) {
    long[] bands = new long[fingerprint.size() / BAND_WIDTH];
    for (int band = 0; band < bands.length; band++) {
      long first = fingerprint.get(band * BAND_WIDTH);
      long second = fingerprint.get(band * BAND_WIDTH + 1);
      bands[band] =
          (((long) band * 0x9E3779B97F4A7C15L) ^ (first << 32)) ^ (second & 0xFFFFFFFFL) * 31;
    }
    return bands;
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
