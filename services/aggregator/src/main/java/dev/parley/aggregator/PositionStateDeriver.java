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
import org.apache.kafka.streams.KeyValue;

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
    return Optional.of(
        state(
            track,
            confirmed,
            tally,
            timeline.latest().orElseThrow(),
            timeline.earliest().orElseThrow().getPublishedAt(),
            timeline.lastSignTurn(),
            timeline.newest(MAX_EVIDENCE).stream()
                .map(c -> statement(c, stories.storyOf(c.getArticleId())))
                .toList(),
            timeline.lastStanceTurns(StanceHistory.MAX_ENTRIES),
            new TimelineWindow()));
  }

  /**
   * An article new to its track, as it came: its neighbours in time, the track's newest entries
   * with it among them when it is one, the story it joined, and the track's tally with it counted.
   */
  record Arrival(
      PositionContribution article,
      PositionTimeline.Placed placed,
      TimelineWindow newest,
      StoryIndex.Joined story,
      Tally tally) {}

  /**
   * The state once an article new to before's track has come, told from {@code before} and the
   * article's neighbours in time, instead of reading back the newest statements and turns: it goes
   * among the statements if it is one of the newest, it makes or unmakes the turns at itself and at
   * its newer neighbour, and it moves the start of the current side only next to it. Live news
   * arrives this way, some of it late. Empty when it cannot be told that way (a tie in time, or a
   * side's start that may move back): {@link #derive} then.
   */
  Optional<PositionState> afterAdding(String position, PositionState before, Arrival arrival) {
    PositionContribution added = arrival.article();
    TimelineEntry older = arrival.placed().older().orElse(null);
    TimelineEntry newer = arrival.placed().newer().orElse(null);
    Instant at = added.getPublishedAt();
    if ((older != null && older.publishedAt().equals(at))
        || (newer != null && newer.publishedAt().equals(at))) {
      return Optional.empty(); // the article id orders a tie, as store keys do: read it back
    }
    Optional<Instant> since = sideSince(before, added, newer);
    if (since.isEmpty()) {
      return Optional.empty();
    }
    Track track = Track.of(position, before.getConfirmed());
    return Optional.of(
        state(
            track,
            before.getConfirmed(),
            arrival.tally(),
            added,
            at.isBefore(before.getFirstSeen()) ? at : before.getFirstSeen(),
            since.get(),
            statementsWith(before, added, arrival.story()),
            turnsWith(before.getHistory(), older, arrival.placed().entry(), newer),
            arrival.newest()));
  }

  /**
   * Before's statements with the added one in its place if it is among the newest, and the stories
   * the added article merged renamed.
   */
  private static List<Statement> statementsWith(
      PositionState before, PositionContribution added, StoryIndex.Joined story) {
    List<Statement> statements = new ArrayList<>(MAX_EVIDENCE + 1);
    for (Statement s : before.getEvidence()) {
      statements.add(
          story.absorbed().contains(s.getStory())
              ? Statement.newBuilder(s).setStory(story.id()).build()
              : s);
    }
    int place = 0;
    while (place < statements.size()
        && statements.get(place).getPublishedAt().isAfter(added.getPublishedAt())) {
      place++;
    }
    statements.add(place, statement(added, story.id()));
    return statements.subList(0, Math.min(MAX_EVIDENCE, statements.size()));
  }

  /**
   * The turns once {@code added} stands between {@code older} and {@code newer} (each null when
   * there is none): a turn at the added article when its stance differs from the older one's, and
   * at the newer one when its stance differs from the added one's. The two are next to each other,
   * so no turn left out of a full history lies between them: the newest turns stay known.
   */
  private static List<StanceChange> turnsWith(
      List<StanceChange> turns, TimelineEntry older, TimelineEntry added, TimelineEntry newer) {
    List<StanceChange> after = new ArrayList<>(turns);
    if (newer != null) {
      after.removeIf(t -> t.getArticleId().equals(newer.articleId()));
      if (TimelineEntry.turnsStance(added, newer)) {
        after.add(newer.turn());
      }
    }
    if (TimelineEntry.turnsStance(older, added)) {
      after.add(added.turn());
    }
    after.sort(IN_TIME);
    return after.subList(Math.max(0, after.size() - StanceHistory.MAX_ENTRIES), after.size());
  }

  /**
   * When the latest article's side began, once {@code added} stands before {@code newer} (null: it
   * is the newest): a newest article on the other side begins it; one on the other side inside the
   * current run splits it, which then begins at its newer neighbour; one on the same side just
   * before the run's first article would move the start back, which before's state does not tell:
   * empty then. Anywhere else the start stays.
   */
  private static Optional<Instant> sideSince(
      PositionState before, PositionContribution added, TimelineEntry newer) {
    int side = Integer.signum(before.getStance());
    boolean sameSide = Integer.signum(added.getStance()) == side;
    Instant since = before.getSince();
    boolean insideRun = added.getPublishedAt().isAfter(since);
    if (newer == null) {
      return Optional.of(sameSide ? since : added.getPublishedAt());
    }
    if (!sameSide && insideRun) {
      return Optional.of(newer.publishedAt());
    }
    if (sameSide && !insideRun && newer.publishedAt().equals(since)) {
      return Optional.empty();
    }
    return Optional.of(since);
  }

  /** {@code evidence}: the newest statements, newest first; the first is the latest article. */
  private PositionState state(
      Track track,
      boolean confirmed,
      Tally tally,
      PositionContribution named,
      Instant firstSeen,
      Instant since,
      List<Statement> evidence,
      List<StanceChange> history,
      TimelineWindow newest) {
    Statement latest = evidence.get(0);
    int referenceStance =
        referenceStance(
            track, history, newest, latest.getPublishedAt().minus(StanceHistory.TREND_WINDOW));
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
        .setTrend(StanceHistory.trend(referenceStance, latest.getStance()))
        .setDisputed(
            disputed(
                track,
                latest.getPublishedAt().minus(DISPUTE_WINDOW),
                evidence,
                newest.storiesBySide()))
        .setEvidence(evidence)
        .setHistory(history)
        .build();
  }

  /**
   * The stance the trend compares with: the latest article's at or before {@code cutoff}, or the
   * earliest article's when none is. An article's stance is that of the last stance turn at or
   * before it, so the state's own history (the newest turns, oldest first) answers, without a read,
   * unless the cutoff is older than a full one; then the track's {@code newest} entries do when
   * they reach back to it, as they do for a position whose stance keeps turning on a few hundred
   * articles a day (not for one stated by thousands: its store is read).
   */
  private int referenceStance(
      Track track, List<StanceChange> history, TimelineWindow newest, Instant cutoff) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (!history.get(i).getAt().isAfter(cutoff)) {
        return history.get(i).getStance();
      }
    }
    if (history.size() < StanceHistory.MAX_ENTRIES) {
      return history.get(0).getStance(); // every turn: the first is the earliest article
    }
    return newest
        .latestUpTo(track.timeline().upTo(cutoff))
        .map(TimelineEntry::stance)
        .orElseGet(
            () ->
                new PositionTimeline(track, stores)
                    .stanceTurnUpTo(cutoff, newest.stanceTurns())
                    .getStance());
  }

  /**
   * True when independent stories published since {@code from} take both sides: some story has an
   * article for and another story one against. The evidence's stories decide it when they are
   * disputed already (more stories cannot undo that) or when the evidence reaches back to {@code
   * from}. Else the index of each story's latest article per side is read, two stories per side,
   * first for a side the evidence has none of: when it has none either, nothing else need be read.
   * {@code sides} answers instead of the index when it holds what is asked.
   */
  private boolean disputed(
      Track track, Instant from, List<Statement> evidence, StoriesBySide sides) {
    Set<String> storiesFor = new LinkedHashSet<>();
    Set<String> storiesAgainst = new LinkedHashSet<>();
    boolean reachesBack = evidence.size() < MAX_EVIDENCE;
    for (Statement s : evidence) {
      if (s.getPublishedAt().isBefore(from)) {
        reachesBack = true;
        break;
      }
      (s.getStance() > 0 ? storiesFor : storiesAgainst).add(s.getStory());
    }
    boolean evidenceDisputed = disputed(storiesFor, storiesAgainst);
    if (reachesBack || evidenceDisputed) {
      return evidenceDisputed;
    }
    for (int sign : storiesFor.isEmpty() ? new int[] {1, -1} : new int[] {-1, 1}) {
      Set<String> side = sign > 0 ? storiesFor : storiesAgainst;
      side.addAll(recentStories(track, sign, from, sides));
      if (side.isEmpty()) {
        return false;
      }
      if (disputed(storiesFor, storiesAgainst)) {
        return true;
      }
    }
    return false;
  }

  private static boolean disputed(Set<String> storiesFor, Set<String> storiesAgainst) {
    boolean oneStoryOnly = storiesFor.equals(storiesAgainst) && storiesFor.size() == 1;
    return !storiesFor.isEmpty() && !storiesAgainst.isEmpty() && !oneStoryOnly;
  }

  private List<String> recentStories(Track track, int sign, Instant from, StoriesBySide sides) {
    String start = track.sideOfStories(sign).from(from);
    return sides
        .since(sign, start)
        .orElseGet(
            () -> {
              List<KeyValue<String, String>> newestFirst =
                  StoreRanges.newest(
                      stores.index(), start, track.sideOfStories(sign).to(), StoriesBySide.ASKED);
              sides.read(sign, start, newestFirst);
              return newestFirst.stream().map(entry -> entry.value).toList();
            });
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
