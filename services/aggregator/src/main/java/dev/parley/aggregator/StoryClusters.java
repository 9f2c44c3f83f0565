package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
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

  private final Map<String, PositionContribution> originOf = new HashMap<>();

  private StoryClusters(List<PositionContribution> byTime) {
    int[] parent = new int[byTime.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      for (int j = 0; j < i; j++) {
        if (sameStory(byTime.get(i).getFingerprint(), byTime.get(j).getFingerprint())) {
          // the root is always the earliest article of the group: roots only ever point backwards in time
          int a = root(parent, i);
          int b = root(parent, j);
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    for (int i = 0; i < parent.length; i++) {
      originOf.put(byTime.get(i).getArticleId(), byTime.get(root(parent, i)));
    }
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
      i = parent[i];
    }
    return i;
  }
}
