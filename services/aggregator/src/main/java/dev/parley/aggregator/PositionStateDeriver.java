package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionState;
import dev.parley.avro.PositionTally;
import dev.parley.avro.StanceChange;
import dev.parley.avro.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

  /** The order of turns, as their store keys have it. */
  private static final Comparator<StanceChange> IN_TIME =
      Comparator.comparing(StanceChange::getAt).thenComparing(StanceChange::getArticleId);

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
   * The state once {@code added}, new to before's track, has joined it as {@code story}, told from
   * {@code before} where it can be: when the added article is among the track's {@link
   * #MAX_EVIDENCE} newest, its neighbours in time are among before's statements, so the statements,
   * the turns, the first article and the current side's start follow from those instead of being
   * read back. Live news arrives this way, give or take the order in which partitions interleave.
   * Empty when it cannot be told (an older article, or a tie in time): {@link #derive} then.
   */
  Optional<PositionState> afterAdding(
      String position, PositionState before, PositionContribution added, StoryIndex.Joined story) {
    Track track = Track.of(position, before.getConfirmed());
    Tally tally = Tally.of(stores.tallies().get(track.key()));
    List<Statement> evidence = new ArrayList<>(MAX_EVIDENCE + 1);
    for (Statement older : before.getEvidence()) {
      if (older.getPublishedAt().equals(added.getPublishedAt())) {
        return Optional.empty(); // the article id orders a tie, as store keys do: read it back
      }
      evidence.add(
          story.absorbed().contains(older.getStory())
              ? Statement.newBuilder(older).setStory(story.id()).build()
              : older);
    }
    int at = 0;
    while (at < evidence.size()
        && evidence.get(at).getPublishedAt().isAfter(added.getPublishedAt())) {
      at++;
    }
    boolean olderThanAllStatements = at == evidence.size();
    if (at == MAX_EVIDENCE || (olderThanAllStatements && before.getArticleCount() > at)) {
      return Optional.empty(); // not among the newest, or its older neighbour is not known
    }
    Statement arrived = statement(added, story.id());
    evidence.add(at, arrived);
    Statement older = olderThanAllStatements ? null : evidence.get(at + 1);
    Statement newer = at > 0 ? evidence.get(at - 1) : null;
    List<Statement> newest = evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size()));
    Instant firstSeen =
        added.getPublishedAt().isBefore(before.getFirstSeen())
            ? added.getPublishedAt()
            : before.getFirstSeen();
    return Optional.of(
        state(
            track,
            before.getConfirmed(),
            tally,
            added,
            firstSeen,
            () -> new PositionTimeline(track, stores).earliest().orElseThrow(),
            sideSince(newest, tally.articles() <= MAX_EVIDENCE, before.getSince()),
            newest,
            turnsWith(before.getHistory(), older, arrived, newer)));
  }

  /**
   * The turns once {@code added} stands between {@code older} (null: none) and {@code newer} (null:
   * none): a turn at the added article when its stance differs from the older one's, and at the
   * newer one when its stance differs from the added one's. An article that comes never takes a
   * turn away without making one, so the newest turns stay known.
   */
  private static List<StanceChange> turnsWith(
      List<StanceChange> turns, Statement older, Statement added, Statement newer) {
    List<StanceChange> after = new ArrayList<>(turns);
    if (newer != null) {
      after.removeIf(t -> t.getArticleId().equals(newer.getArticleId()));
      if (newer.getStance() != added.getStance()) {
        after.add(turn(newer));
      }
    }
    if (older == null || older.getStance() != added.getStance()) {
      after.add(turn(added));
    }
    after.sort(IN_TIME);
    return after.subList(Math.max(0, after.size() - StanceHistory.MAX_ENTRIES), after.size());
  }

  /**
   * When the latest article's side began: the oldest of the newest statements on that side without
   * one of the other side after it; when all the statements are on it, the start held before, or
   * the oldest statement when they are the whole track.
   */
  private static Instant sideSince(List<Statement> newest, boolean wholeTrack, Instant before) {
    int side = Integer.signum(newest.get(0).getStance());
    for (int i = 1; i < newest.size(); i++) {
      if (Integer.signum(newest.get(i).getStance()) != side) {
        return newest.get(i - 1).getPublishedAt();
      }
    }
    return wholeTrack ? newest.get(newest.size() - 1).getPublishedAt() : before;
  }

  private static StanceChange turn(Statement s) {
    return new StanceChange(s.getPublishedAt(), s.getStance(), s.getArticleId(), s.getSource());
  }

  /** {@code evidence}: the newest statements, newest first; the first is the latest article. */
  private PositionState state(
      Track track,
      boolean confirmed,
      Tally tally,
      PositionContribution named,
      Instant firstSeen,
      Supplier<PositionContribution> earliest,
      Instant since,
      List<Statement> evidence,
      List<StanceChange> history) {
    Statement latest = evidence.get(0);
    PositionContribution trendReference =
        new PositionTimeline(track, stores)
            .latestUpTo(latest.getPublishedAt().minus(StanceHistory.TREND_WINDOW))
            .orElseGet(earliest);
    int sign = Integer.signum(latest.getStance());
    return PositionState.newBuilder()
        .setNegotiation(named.getNegotiation())
        .setActor(named.getActor())
        .setIssue(named.getIssue())
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
