package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionTally;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running counts of one track, changed by each article and each story that comes or goes, so
 * that counts never need the articles read back. Confidence is kept as a count of stories per
 * strongest confidence, so that the corroboration of the current side is a product over distinct
 * values, computed in one fixed order whatever the order of the updates.
 */
final class Tally {

  private final PositionTally counts;

  private Tally(PositionTally counts) {
    this.counts = counts;
  }

  static Tally of(PositionTally stored) {
    return new Tally(
        stored != null
            ? stored
            : new PositionTally(
                0, 0, 0, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>()));
  }

  PositionTally counts() {
    return counts;
  }

  boolean isEmpty() {
    return counts.getArticles() == 0;
  }

  /** {@code change}: +1 when the article comes, -1 when it goes. */
  void countArticle(PositionContribution c, int change) {
    counts.setArticles(counts.getArticles() + change);
    if (c.getStance() > 0) {
      counts.setPositive(counts.getPositive() + change);
    } else {
      counts.setNegative(counts.getNegative() + change);
    }
    count(counts.getSources(), c.getSource(), change);
  }

  /** {@code change}: +1 when the story comes, -1 when it goes. */
  void countStory(StoryView story, int change) {
    count(counts.getOriginSources(), story.origin().getSource(), change);
    story
        .strongest(1)
        .ifPresent(
            confidence -> count(counts.getStrongestFor(), Double.toString(confidence), change));
    story
        .strongest(-1)
        .ifPresent(
            confidence -> count(counts.getStrongestAgainst(), Double.toString(confidence), change));
  }

  int articles() {
    return counts.getArticles();
  }

  /** Articles whose stance has the given sign. */
  int articlesOnSide(int sign) {
    return sign > 0 ? counts.getPositive() : counts.getNegative();
  }

  int sources() {
    return counts.getSources().size();
  }

  int independentSources() {
    return counts.getOriginSources().size();
  }

  /**
   * Independent stories on one side corroborate one another (noisy-or); copies of one story do not.
   */
  double corroboration(int sign) {
    Map<String, Integer> strongest =
        sign > 0 ? counts.getStrongestFor() : counts.getStrongestAgainst();
    double doubt = 1.0;
    for (Map.Entry<Double, Integer> entry : byConfidence(strongest).entrySet()) {
      doubt *= Math.pow(1.0 - entry.getKey(), entry.getValue());
    }
    return Math.min(0.99, Math.round((1.0 - doubt) * 1000) / 1000.0);
  }

  private static TreeMap<Double, Integer> byConfidence(Map<String, Integer> strongest) {
    TreeMap<Double, Integer> sorted = new TreeMap<>();
    strongest.forEach((confidence, stories) -> sorted.put(Double.valueOf(confidence), stories));
    return sorted;
  }

  private static void count(Map<String, Integer> counts, String key, int change) {
    int now = counts.getOrDefault(key, 0) + change;
    if (now == 0) {
      counts.remove(key);
    } else {
      counts.put(key, now);
    }
  }
}
