package dev.parley.aggregator;

import dev.parley.avro.ArticlePositions;
import dev.parley.avro.Position;
import dev.parley.avro.PositionContribution;
import dev.parley.common.TextBounds;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one article's extraction contributes to each position: one stance per (actor, issue), the
 * most confident one when the article states several (e.g. a superseded draft and a current
 * statement). Headlines and sentences are clipped ({@link TextBounds}): they are copied into every
 * change and state of the position, so an unbounded one makes records over Kafka's limit.
 */
final class ArticleContributions {

  private static final Comparator<Position> STRONGEST =
      Comparator.comparingDouble(Position::getConfidence)
          .thenComparingInt(p -> Math.abs(p.getStance()));

  private ArticleContributions() {}

  static Map<String, PositionContribution> of(ArticlePositions article) {
    Map<String, Position> strongest = new LinkedHashMap<>();
    if (article == null) {
      return Map.of();
    }
    for (Position position : article.getPositions()) {
      String key =
          PositionKey.of(article.getNegotiation(), position.getActor(), position.getIssue());
      strongest.merge(key, position, (a, b) -> STRONGEST.compare(b, a) > 0 ? b : a);
    }
    Map<String, PositionContribution> contributions = new LinkedHashMap<>();
    strongest.forEach(
        (key, p) ->
            contributions.put(
                key,
                contribution(
                    article,
                    p.getActor(),
                    p.getIssue(),
                    p.getStance(),
                    p.getConfidence(),
                    p.getConfirmed(),
                    p.getEvidence().getSentence())));
    return contributions;
  }

  /** The record that withdraws an article's earlier contribution to a position. */
  static PositionContribution retraction(ArticlePositions article, PositionContribution earlier) {
    return contribution(
        article, earlier.getActor(), earlier.getIssue(), 0, 0.0, earlier.getConfirmed(), "");
  }

  private static PositionContribution contribution(
      ArticlePositions article,
      String actor,
      String issue,
      int stance,
      double confidence,
      boolean confirmed,
      String sentence) {
    return PositionContribution.newBuilder()
        .setArticleId(article.getArticleId())
        .setSource(article.getSource())
        .setUrl(article.getUrl())
        .setHeadline(TextBounds.clip(article.getHeadline(), TextBounds.MAX_HEADLINE_CHARS))
        .setPublishedAt(article.getPublishedAt())
        .setNegotiation(article.getNegotiation())
        .setActor(actor)
        .setIssue(issue)
        .setStance(stance)
        .setConfidence(confidence)
        .setConfirmed(confirmed)
        .setSentence(TextBounds.clip(sentence, TextBounds.MAX_SENTENCE_CHARS))
        .setFingerprint(article.getFingerprint())
        .build();
  }
}
