package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionState;
import dev.parley.avro.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of a position as a pure function of the articles that currently state it, so that the
 * same articles in any order, delivered twice or replayed, give the same state. Event time decides:
 * the current stance is the one of the most recently published article (article id breaks ties).
 */
final class PositionStateDeriver {

  static final int MAX_EVIDENCE = 20;
  /** Disagreement among sources counts when it is this recent, before the position's latest article. */
  static final Duration DISPUTE_WINDOW = Duration.ofDays(7);

  private static final Comparator<PositionContribution> EVENT_TIME = Comparator
      .comparing(PositionContribution::getPublishedAt).thenComparing(PositionContribution::getArticleId);

  private PositionStateDeriver() {}

  /** Empty when no article states the position. */
  static Optional<PositionState> derive(Collection<PositionContribution> contributions) {
    if (contributions.isEmpty()) {
      return Optional.empty();
    }
    List<PositionContribution> byTime = contributions.stream().sorted(EVENT_TIME).toList();
    PositionContribution latest = byTime.get(byTime.size() - 1);
    StoryClusters stories = StoryClusters.of(byTime);
    int sign = Integer.signum(latest.getStance());
    Instant since = latest.getPublishedAt();
    for (int i = byTime.size() - 1; i >= 0 && Integer.signum(byTime.get(i).getStance()) == sign; i--) {
      since = byTime.get(i).getPublishedAt();
    }
    Set<String> sources = new HashSet<>();
    Set<String> independentSources = new HashSet<>();
    Map<String, Double> strongestAgreementPerStory = new HashMap<>();
    int agreeing = 0;
    for (PositionContribution c : byTime) {
      sources.add(c.getSource());
      PositionContribution origin = stories.origin(c);
      independentSources.add(origin.getSource());
      if (Integer.signum(c.getStance()) == sign) {
        agreeing++;
        strongestAgreementPerStory.merge(origin.getArticleId(), c.getConfidence(), Math::max);
      }
    }
    // independent agreeing stories corroborate one another (noisy-or); copies of one story do not
    double doubt = strongestAgreementPerStory.values().stream().mapToDouble(confidence -> 1.0 - confidence)
        .reduce(1.0, (a, b) -> a * b);
    return Optional.of(PositionState.newBuilder()
        .setNegotiation(latest.getNegotiation())
        .setActor(latest.getActor())
        .setIssue(latest.getIssue())
        .setStance(latest.getStance())
        .setConfidence(Math.min(0.99, Math.round((1.0 - doubt) * 1000) / 1000.0))
        .setSince(since)
        .setFirstSeen(byTime.get(0).getPublishedAt())
        .setLastSeen(latest.getPublishedAt())
        .setArticleCount(byTime.size())
        .setSourceCount(sources.size())
        .setIndependentSources(independentSources.size())
        .setAgreeingArticles(agreeing)
        .setDissentingArticles(byTime.size() - agreeing)
        .setTrend(StanceHistory.trend(byTime))
        .setDisputed(disputed(byTime, stories))
        .setEvidence(evidence(byTime, stories))
        .setHistory(StanceHistory.of(byTime))
        .build());
  }

  /** True when independent stories of the last week before the latest article take both sides. */
  private static boolean disputed(List<PositionContribution> byTime, StoryClusters stories) {
    Instant from = byTime.get(byTime.size() - 1).getPublishedAt().minus(DISPUTE_WINDOW);
    Set<String> storiesFor = new HashSet<>();
    Set<String> storiesAgainst = new HashSet<>();
    for (PositionContribution c : byTime) {
      if (!c.getPublishedAt().isBefore(from)) {
        (c.getStance() > 0 ? storiesFor : storiesAgainst).add(stories.origin(c).getArticleId());
      }
    }
    boolean oneStoryOnly = storiesFor.equals(storiesAgainst) && storiesFor.size() == 1;
    return !storiesFor.isEmpty() && !storiesAgainst.isEmpty() && !oneStoryOnly;
  }

  private static List<Statement> evidence(List<PositionContribution> byTime, StoryClusters stories) {
    List<Statement> newestFirst = new ArrayList<>();
    for (int i = byTime.size() - 1; i >= 0 && newestFirst.size() < MAX_EVIDENCE; i--) {
      PositionContribution c = byTime.get(i);
      newestFirst.add(Statement.newBuilder()
          .setArticleId(c.getArticleId())
          .setSource(c.getSource())
          .setUrl(c.getUrl())
          .setHeadline(c.getHeadline())
          .setPublishedAt(c.getPublishedAt())
          .setStance(c.getStance())
          .setConfidence(c.getConfidence())
          .setSentence(c.getSentence())
          .setStory(stories.origin(c).getArticleId())
          .build());
    }
    return newestFirst;
  }
}
