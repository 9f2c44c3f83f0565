package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups articles that are copies of one story (one wire report run by several outlets) by their
 * text fingerprints, so that corroboration counts stories, not copies. Articles are in one story
 * when they are linked by a chain of near-copies; the group does not depend on arrival order, and
 * is named after its earliest article, the one credited with the story.
 */
final class StoryClusters {

  /** Share of equal fingerprint values from which two articles are one story (their texts overlap by about half). */
  static final double SAME_STORY = 0.5;
  private static final int BAND_WIDTH = 2;

  private final Map<String, PositionContribution> originOf = new HashMap<>();

  private StoryClusters(List<PositionContribution> byTime) {
    int[] parent = new int[byTime.size()];
    Map<Long, List<Integer>> storiesByBand = new HashMap<>();
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      List<Integer> fingerprint = byTime.get(i).getFingerprint();
      long[] bands = bands(fingerprint);
      for (long band : bands) {
        for (int j : storiesByBand.getOrDefault(band, List.of())) {
          int a = root(parent, i);
          int b = root(parent, j);
          if (a != b && sameStory(fingerprint, byTime.get(j).getFingerprint())) {
            // the root is always the earliest article of the group: roots only ever point backwards in time
            parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
      }
      // a band lists one article per story, so a copy is compared with each story once, not with every copy of it
      for (long band : bands) {
        List<Integer> stories = storiesByBand.computeIfAbsent(band, k -> new ArrayList<>());
        int story = root(parent, i);
        if (stories.stream().noneMatch(j -> root(parent, j) == story)) {
          stories.add(i);
        }
      }
    }
    for (int i = 0; i < parent.length; i++) {
      originOf.put(byTime.get(i).getArticleId(), byTime.get(root(parent, i)));
    }
  }

  /**
   * Locality-sensitive bands: only articles that agree on both values of some band are compared,
   * which keeps a position with thousands of articles from comparing every pair. Two articles that
   * share half their values share a band with near certainty (1 - 0.75^32); unrelated ones rarely.
   */
  private static long[] bands(List<Integer> fingerprint) {
    long[] bands = new long[fingerprint.size() / BAND_WIDTH];
    for (int band = 0; band < bands.length; band++) {
      long first = fingerprint.get(band * BAND_WIDTH);
      long second = fingerprint.get(band * BAND_WIDTH + 1);
      bands[band] = (((long) band * 0x9E3779B97F4A7C15L) ^ (first << 32)) ^ (second & 0xFFFFFFFFL) * 31;
    }
    return bands;
  }

  /** {@code byTime}: the contributions in event-time order. */
  static StoryClusters of(List<PositionContribution> byTime) {
    return new StoryClusters(byTime);
  }

  /** The earliest article of the story the given article belongs to (itself when it is no copy). */
  PositionContribution origin(PositionContribution article) {
    return originOf.get(article.getArticleId());
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
      parent[i] = parent[parent[i]]; // path halving keeps later look-ups short; roots stay the earliest articles
      i = parent[i];
    }
    return i;
  }
}
