package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionState;
import dev.parley.avro.PositionTally;
import dev.parley.avro.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The state of a position as a pure function of the articles that currently state it, so that the
 * same articles in any order, delivered twice or replayed, give the same state. Event time decides:
 * the current stance is the one of the most recently published article (article id breaks ties).
 * Only confirmed articles count; a position that only unconfirmed ones state is kept, derived from
 * those and marked unconfirmed. Reads a bounded number of entries, whatever the history.
 */
final class PositionStateDeriver {

  static final int MAX_EVIDENCE = 20;

  /**
   * Disagreement among sources counts when it is this recent, before the position's latest article.
   */
  static final Duration DISPUTE_WINDOW = Duration.ofDays(7);

  private final PositionStores stores;

  PositionStateDeriver(PositionStores stores) {
    this.stores = stores;
  }

  /** Empty when no article states the position. */
  Optional<PositionState> derive(String position) {
    return derive(position, true).or(() -> derive(position, false));
  }

  /** States are values: built whole and never changed, so that each is encoded once. */
  private Optional<PositionState> derive(String position, boolean confirmed) {
    Track track = Track.of(position, confirmed);
    PositionTally counts = stores.tallies().get(track.key());
    if (counts == null) {
      return Optional.empty();
    }
    Tally tally = Tally.of(counts);
    PositionTimeline timeline = new PositionTimeline(track, stores);
    StoryIndex stories = new StoryIndex(track, stores, tally);
    PositionContribution latest = timeline.latest().orElseThrow();
    PositionContribution earliest = timeline.earliest().orElseThrow();
    PositionContribution trendReference =
        timeline
            .latestUpTo(latest.getPublishedAt().minus(StanceHistory.TREND_WINDOW))
            .orElse(earliest);
    int sign = Integer.signum(latest.getStance());
    return Optional.of(
        PositionState.newBuilder()
            .setNegotiation(latest.getNegotiation())
            .setActor(latest.getActor())
            .setIssue(latest.getIssue())
            .setStance(latest.getStance())
            .setConfidence(tally.corroboration(sign))
            .setConfirmed(confirmed)
            .setSince(timeline.lastSignTurn())
            .setFirstSeen(earliest.getPublishedAt())
            .setLastSeen(latest.getPublishedAt())
            .setArticleCount(tally.articles())
            .setSourceCount(tally.sources())
            .setIndependentSources(tally.independentSources())
            .setAgreeingArticles(tally.articlesOnSide(sign))
            .setDissentingArticles(tally.articles() - tally.articlesOnSide(sign))
            .setTrend(StanceHistory.trend(trendReference.getStance(), latest.getStance()))
            .setDisputed(disputed(track, latest.getPublishedAt().minus(DISPUTE_WINDOW)))
            .setEvidence(
                timeline.newest(MAX_EVIDENCE).stream()
                    .map(c -> statement(c, stories.storyOf(c.getArticleId())))
                    .toList())
            .setHistory(timeline.lastStanceTurns(StanceHistory.MAX_ENTRIES))
            .build());
  }

  /**
   * True when independent stories published since {@code from} take both sides: some story has an
   * article for and another story one against. Two stories per side, read from the index of each
   * story's latest article per side, decide it.
   */
  private boolean disputed(Track track, Instant from) {
    Set<String> storiesFor = recentStories(track, 1, from);
    Set<String> storiesAgainst = recentStories(track, -1, from);
    boolean oneStoryOnly = storiesFor.equals(storiesAgainst) && storiesFor.size() == 1;
    return !storiesFor.isEmpty() && !storiesAgainst.isEmpty() && !oneStoryOnly;
  }

  private Set<String> recentStories(Track track, int sign, Instant from) {
    Set<String> stories = new LinkedHashSet<>();
    KeyValueStore<String, String> index = stores.index();
    try (KeyValueIterator<String, String> entries =
        index.reverseRange(track.sideOfStories(sign).from(from), track.sideOfStories(sign).to())) {
      while (entries.hasNext() && stories.size() < 2) {
        stories.add(entries.next().value);
      }
    }
    return stories;
  }

  private static Statement statement(PositionContribution c, String story) {
    return Statement.newBuilder()
        .setArticleId(c.getArticleId())
        .setSource(c.getSource())
        .setUrl(c.getUrl())
        .setHeadline(c.getHeadline())
        .setPublishedAt(c.getPublishedAt())
        .setStance(c.getStance())
        .setConfidence(c.getConfidence())
        .setConfirmed(c.getConfirmed())
        .setSentence(c.getSentence())
        .setStory(story)
        .build();
  }
}
