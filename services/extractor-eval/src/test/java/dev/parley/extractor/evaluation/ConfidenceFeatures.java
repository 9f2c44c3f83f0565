package dev.parley.extractor.evaluation;

import dev.parley.extractor.rules.ExtractedPosition;
import dev.parley.extractor.text.ArticleText;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a learned confidence ({@link ConfidenceModel}) weighs for one extracted position: the rules'
 * own confidence, and what the rest of the article says about the same stance.
 */
final class ConfidenceFeatures {

  /** Feature names, in the order of {@link #of}; the model file names its weights with them. */
  static final List<String> NAMES =
      List.of(
          "bias",
          "rules",
          "strong",
          "headline",
          "depth",
          "pronoun",
          "document",
          "quoted",
          "parties",
          "restated",
          "contradicted",
          "distance");

  private static final Set<String> PRONOUNS =
      Set.of(
          "he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "our", "my", "this",
          "that");
  private static final Set<String> DOCUMENTS =
      Set.of(
          "plan",
          "draft",
          "proposal",
          "framework",
          "document",
          "text",
          "agreement",
          "deal",
          "points",
          "version");
  private static final int MAX_PARTIES = 3;

  private ConfidenceFeatures() {}

  /**
   * @param article every position extracted from the article, {@code p} among them
   * @param textLength length of the article's text ({@link ArticleText#of})
   */
  static double[] of(ExtractedPosition p, List<ExtractedPosition> article, int textLength) {
    long sentences =
        article.stream().filter(q -> same(q, p)).map(ExtractedPosition::start).distinct().count();
    boolean contradicted =
        article.stream()
            .anyMatch(
                q ->
                    q.actor().equals(p.actor())
                        && q.issue().equals(p.issue())
                        && Integer.signum(q.stance()) != Integer.signum(p.stance()));
    long parties =
        article.stream()
            .filter(q -> q.start() == p.start())
            .map(ExtractedPosition::actor)
            .distinct()
            .count();
    String speaker = p.speaker().toLowerCase(Locale.ROOT);
    String firstWord = speaker.split("\\W+", 2)[0];
    return new double[] {
      1,
      p.confidence(),
      Math.abs(p.stance()) == 2 ? 1 : 0,
      p.start() == 0 ? 1 : 0,
      textLength == 0 ? 0 : (double) p.start() / textLength,
      PRONOUNS.contains(firstWord) ? 1 : 0,
      DOCUMENTS.stream().anyMatch(speaker::contains) ? 1 : 0,
      p.sentence().contains("\"") || p.sentence().contains("\u201c") ? 1 : 0,
      (double) (Math.min(parties, MAX_PARTIES) - 1) / (MAX_PARTIES - 1),
      Math.log(sentences),
      contradicted ? 1 : 0,
      distance(p),
    };
  }

  private static boolean same(ExtractedPosition q, ExtractedPosition p) {
    return q.actor().equals(p.actor())
        && q.issue().equals(p.issue())
        && Integer.signum(q.stance()) == Integer.signum(p.stance());
  }

  /**
   * How far apart the holder's words and the cue stand in the sentence, on a log scale; 0 when the
   * holder is not in it.
   */
  private static double distance(ExtractedPosition p) {
    int holder = p.sentence().indexOf(p.speaker());
    int cue = p.sentence().indexOf(p.cue());
    return holder < 0 || cue < 0 ? 0 : Math.log1p(Math.abs(cue - holder)) / Math.log(1000);
  }
}
