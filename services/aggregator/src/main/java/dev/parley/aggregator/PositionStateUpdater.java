package dev.parley.aggregator;

import dev.parley.avro.ArticleRef;
import dev.parley.avro.ChangeKind;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionContribution;
import dev.parley.avro.PositionState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keyed by position: applies one article's contribution (or its retraction) to the position's
 * running state and, only when the derived state really changed, emits the change: before, after
 * and the article that caused it. An article's earlier contribution is taken out before its new one
 * goes in, so that re-extraction, duplicates and replays leave the same stores as a single
 * delivery. Each step touches the article, its neighbours in time and its story, never the whole
 * history.
 */
final class PositionStateUpdater
    implements Processor<String, PositionContribution, String, PositionChange> {

  /**
   * Positions whose last derived state is kept: the busy ones, whose next update then derives only
   * the state after it.
   */
  static final int KEPT_STATES = 1_000;

  /**
   * Tracks whose tally is kept: a busy track's tally was otherwise read and decoded again at each
   * of its updates (3% of the aggregator's thread when one position is in most articles).
   */
  static final int KEPT_TALLIES = 2 * KEPT_STATES;

  private ProcessorContext<String, PositionChange> context;
  private PositionStores stores;
  private PositionStateDeriver deriver;
  private RecentValues<Optional<PositionState>> lastStates;
  private RecentValues<Tally> tallies;
  private TimelineWindows timelines;
  private CopyIndex copies;

  @Override
  public void init(ProcessorContext<String, PositionChange> context) {
    this.context = context;
    this.stores = PositionStores.from(context);
    this.deriver = new PositionStateDeriver(stores);
    // a task that is (re)initialised may have had its stores restored or rolled back: start afresh
    this.lastStates = new RecentValues<>(KEPT_STATES);
    this.tallies = new RecentValues<>(KEPT_TALLIES);
    this.timelines = new TimelineWindows();
    this.copies = new CopyIndex(stores.bands());
  }

  @Override
  public void close() {
    lastStates = null;
    tallies = null;
    timelines = null;
    copies = null;
  }

  @Override
  public void process(Record<String, PositionContribution> record) {
    String position = record.key();
    PositionContribution contribution = record.value();
    boolean retracted = contribution.getStance() == 0;
    Optional<Optional<PositionState>> kept = lastStates.take(position);
    Optional<PositionState> before = kept.orElseGet(() -> deriver.derive(position));
    PositionContribution earlier =
        ContributionDiffer.isFirstExtraction(record.headers())
            ? null
            : stores.contributions().get(Track.contribution(position, contribution.getArticleId()));
    boolean delivered = contribution.equals(earlier); // a duplicate: it stays as it is
    boolean earlierTakenOut = earlier != null && !delivered;
    if (earlierTakenOut) {
      remove(Track.of(position, earlier.getConfirmed()), earlier);
    }
    Optional<PositionStateDeriver.Arrival> arrival = Optional.empty();
    if (!retracted && !delivered) {
      arrival = Optional.of(add(Track.of(position, contribution.getConfirmed()), contribution));
    }
    Optional<PositionState> after =
        kept.isPresent() && !earlierTakenOut && arrival.isPresent()
            ? afterAdding(position, before, arrival.get())
            : deriver.derive(position);
    lastStates.put(position, after);
    if (!before.equals(after)) {
      context.forward(record.withValue(change(contribution, retracted, before, after)));
    }
  }

  /**
   * The state once an article new to the position has come, from the state before it where that
   * gives the same as deriving it afresh: an unconfirmed article leaves a confirmed state as it is,
   * and one of the same confirmation changes it by what it and its neighbours in time say.
   */
  private Optional<PositionState> afterAdding(
      String position, Optional<PositionState> before, PositionStateDeriver.Arrival arrival) {
    boolean confirmed = arrival.article().getConfirmed();
    if (before.isPresent() && before.get().getConfirmed() && !confirmed) {
      return before;
    }
    return before
        .filter(state -> state.getConfirmed() == confirmed)
        .flatMap(state -> deriver.afterAdding(position, state, arrival))
        .or(() -> deriver.derive(position));
  }

  private PositionStateDeriver.Arrival add(Track track, PositionContribution c) {
    Tally tally = tally(track);
    tally.countArticle(c, 1);
    stores.contributions().put(track.contribution(c.getArticleId()), c);
    TimelineWindow window = timelines.take(track.key());
    PositionTimeline.Placed placed = new PositionTimeline(track, stores).add(c, window);
    StoryIndex.Joined joined =
        new StoryIndex(track, stores, tally).add(c, copies.copiesOf(c), window.storiesBySide());
    timelines.put(track.key(), window);
    save(track, tally);
    return new PositionStateDeriver.Arrival(c, placed, window, joined, tally);
  }

  private void remove(Track track, PositionContribution c) {
    Tally tally = tally(track);
    tally.countArticle(c, -1);
    TimelineWindow window = timelines.take(track.key());
    new StoryIndex(track, stores, tally).remove(c, window.storiesBySide());
    new PositionTimeline(track, stores).remove(c, window);
    timelines.put(track.key(), window);
    stores.contributions().delete(track.contribution(c.getArticleId()));
    save(track, tally);
  }

  private Tally tally(Track track) {
    return tallies.take(track.key()).orElseGet(() -> Tally.of(stores.tallies().get(track.key())));
  }

  private void save(Track track, Tally tally) {
    if (tally.isEmpty()) {
      stores.tallies().delete(track.key());
    } else {
      stores.tallies().put(track.key(), tally.counts());
    }
    tallies.put(track.key(), tally);
  }

  private PositionChange change(
      PositionContribution cause,
      boolean retracted,
      Optional<PositionState> before,
      Optional<PositionState> after) {
    return PositionChange.newBuilder()
        .setNegotiation(cause.getNegotiation())
        .setActor(cause.getActor())
        .setIssue(cause.getIssue())
        .setKind(kind(before, after))
        .setBefore(before.map(PositionStateUpdater::withoutStatements).orElse(null))
        .setAfter(after.orElse(null))
        .setCausedBy(
            ArticleRef.newBuilder()
                .setArticleId(cause.getArticleId())
                .setSource(cause.getSource())
                .setUrl(cause.getUrl())
                .setHeadline(cause.getHeadline())
                .setPublishedAt(cause.getPublishedAt())
                .build())
        .setRetracted(retracted)
        .setDetectedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
  }

  /**
   * A change's {@code before}: the state it ends, less its evidence and history. Those are nearly
   * all of a state's bytes, and a subscriber that wants them already had them as the previous
   * change's {@code after}; with them every change carried two whole states, and the change topic
   * was over half of the bytes the pipeline wrote (docs/benchmarks.md, seventeenth round).
   */
  private static PositionState withoutStatements(PositionState state) {
    PositionState summary = new PositionState();
    for (Schema.Field field : PositionState.getClassSchema().getFields()) {
      summary.put(field.pos(), state.get(field.pos()));
    }
    summary.setEvidence(List.of());
    summary.setHistory(List.of());
    return summary;
  }

  private static ChangeKind kind(Optional<PositionState> before, Optional<PositionState> after) {
    if (before.isEmpty()) {
      return ChangeKind.APPEARED;
    }
    if (after.isEmpty()) {
      return ChangeKind.REMOVED;
    }
    return before.get().getStance() == after.get().getStance()
        ? ChangeKind.UPDATED
        : ChangeKind.STANCE_CHANGED;
  }
}
