package dev.parley.aggregator;

import dev.parley.avro.LatestEvidence;
import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionState;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The state of a position as a pure function of the articles that currently state it, so that the
 * same articles in any order, delivered twice or replayed, give the same state. Event time decides:
 * the current stance is the one of the most recently published article (article id breaks ties).
 */
final class PositionStateDeriver {

  private static final Comparator<PositionContribution> EVENT_TIME = Comparator
      .comparing(PositionContribution::getPublishedAt).thenComparing(PositionContribution::getArticleId);

  private PositionStateDeriver() {}

  /** Empty when no article states the position. {@code updatedBy} is left empty. */
  static Optional<PositionState> derive(Collection<PositionContribution> contributions) {
    if (contributions.isEmpty()) {
      return Optional.empty();
    }
    List<PositionContribution> byTime = contributions.stream().sorted(EVENT_TIME).toList();
    PositionContribution latest = byTime.get(byTime.size() - 1);
    int sign = Integer.signum(latest.getStance());
    Instant since = latest.getPublishedAt();
    for (int i = byTime.size() - 1; i >= 0 && Integer.signum(byTime.get(i).getStance()) == sign; i--) {
      since = byTime.get(i).getPublishedAt();
    }
    Set<String> sources = new HashSet<>();
    int agreeing = 0;
    double doubtOfAgreeing = 1.0;
    for (PositionContribution c : byTime) {
      sources.add(c.getSource());
      if (Integer.signum(c.getStance()) == sign) {
        agreeing++;
        doubtOfAgreeing *= 1.0 - c.getConfidence();
      }
    }
    return Optional.of(PositionState.newBuilder()
        .setNegotiation(latest.getNegotiation())
        .setActor(latest.getActor())
        .setIssue(latest.getIssue())
        .setStance(latest.getStance())
        // agreeing articles corroborate one another (noisy-or), but never make the stance certain
        .setConfidence(Math.min(0.99, Math.round((1.0 - doubtOfAgreeing) * 1000) / 1000.0))
        .setSince(since)
        .setLastSeen(latest.getPublishedAt())
        .setArticleCount(byTime.size())
        .setSourceCount(sources.size())
        .setAgreeingArticles(agreeing)
        .setDissentingArticles(byTime.size() - agreeing)
        .setLatest(LatestEvidence.newBuilder()
            .setArticleId(latest.getArticleId())
            .setSource(latest.getSource())
            .setUrl(latest.getUrl())
            .setHeadline(latest.getHeadline())
            .setPublishedAt(latest.getPublishedAt())
            .setStance(latest.getStance())
            .setSentence(latest.getSentence())
            .build())
        .setUpdatedBy("")
        .build());
  }
}
