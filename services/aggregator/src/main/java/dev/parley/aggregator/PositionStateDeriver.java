package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionState;
import dev.parley.avro.PositionTally;
import dev.parley.avro.StanceChange;
import dev.parley.avro.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
    PositionContribution earliest = timeline.earliest().orElseThrow();
    return Optional.of(
        state(
            track,
            confirmed,
            tally,
            timeline.latest().orElseThrow(),
            earliest.getPublishedAt(),
            () -> earliest,
            timeline.lastSignTurn(),
            timeline.newest(MAX_EVIDENCE).stream()
                .map(c -> statement(c, stories.storyOf(c.getArticleId())))
                .toList(),
            timeline.lastStanceTurns(StanceHistory.MAX_ENTRIES)));
  }

  /**
   * The state once {@code added}, published after every article of {@code before}, has joined
   * before's track as {@code story}: {@link #derive} gives the same, but here the newest
   * statements, the turns and the first article come from {@code before} instead of being read
   * back. Live news mostly arrives this way.
   */
  PositionState afterNewest(
      String position, PositionState before, PositionContribution added, StoryIndex.Joined story) {
    Track track = Track.of(position, before.getConfirmed());
    List<Statement> evidence = new ArrayList<>(MAX_EVIDENCE);
    evidence.add(statement(added, story.id()));
    for (Statement older : before.getEvidence()) {
      if (evidence.size() == MAX_EVIDENCE) {
        break;
      }
      evidence.add(
          story.absorbed().contains(older.getStory())
              ? Statement.newBuilder(older).setStory(story.id()).build()
              : older);
    }
    List<StanceChange> history = new ArrayList<>(before.getHistory());
    if (added.getStance() != before.getStance()) {
      history.add(
          new StanceChange(
              added.getPublishedAt(), added.getStance(), added.getArticleId(), added.getSource()));
    }
    boolean sameSide = Integer.signum(added.getStance()) == Integer.signum(before.getStance());
    return state(
        track,
        before.getConfirmed(),
        Tally.of(stores.tallies().get(track.key())),
        added,
        before.getFirstSeen(),
        () -> new PositionTimeline(track, stores).earliest().orElseThrow(),
        sameSide ? before.getSince() : added.getPublishedAt(),
        evidence,
        history.subList(Math.max(0, history.size() - StanceHistory.MAX_ENTRIES), history.size()));
  }

  private PositionState state(
      Track track,
      boolean confirmed,
      Tally tally,
      PositionContribution latest,
      Instant firstSeen,
      Supplier<PositionContribution> earliest,
      Instant since,
      List<Statement> evidence,
      List<StanceChange> history) {
    PositionContribution trendReference =
        new PositionTimeline(track, stores)
            .latestUpTo(latest.getPublishedAt().minus(StanceHistory.TREND_WINDOW))
            .orElseGet(earliest);
    int sign = Integer.signum(latest.getStance());
    return PositionState.newBuilder()
        .setNegotiation(latest.getNegotiation())
        .setActor(latest.getActor())
        .setIssue(latest.getIssue())
        .setStance(latest.getStance())
        .setConfidence(tally.corroboration(sign))
        .setConfirmed(confirmed)
        .setSince(since)
        .setFirstSeen(firstSeen)
        .setLastSeen(latest.getPublishedAt())
        .setArticleCount(tally.articles())
        .setSourceCount(tally.sources())
        .setIndependentSources(tally.independentSources())
        .setAgreeingArticles(tally.articlesOnSide(sign))
        .setDissentingArticles(tally.articles() - tally.articlesOnSide(sign))
        .setTrend(StanceHistory.trend(trendReference.getStance(), latest.getStance()))
        .setDisputed(disputed(track, latest.getPublishedAt().minus(DISPUTE_WINDOW)))
        .setEvidence(evidence)
        .setHistory(history)
        .build();
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
