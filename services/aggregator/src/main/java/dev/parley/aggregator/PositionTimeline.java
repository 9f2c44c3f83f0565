package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.StanceChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One track's contributions in published order (time, then article id), and the points where the
 * stance, or its sign, differs from the article just before: a sorted index instead of a sort.
 * Adding or removing an article touches only it and its two neighbours; every question the state
 * asks reads a bounded number of entries at one end of a range.
 */
final class PositionTimeline {

  private final Track track;
  private final KeyValueStore<String, PositionContribution> contributions;
  private final KeyValueStore<String, StanceChange> turns;

  PositionTimeline(Track track, PositionStores stores) {
    this.track = track;
    this.contributions = stores.contributions();
    this.turns = stores.turns();
  }

  /** The articles published just before and just after one, when there are. */
  record Neighbours(Optional<PositionContribution> older, Optional<PositionContribution> newer) {}

  /**
   * {@code newest}: the track's newest article as the timeline keeps it ({@link #asKept}), when
   * known; an article published after it, as live news is, then has it as its older neighbour and
   * no newer one, without reading either.
   */
  Neighbours add(PositionContribution c, Optional<PositionContribution> newest) {
    String key = key(c);
    Optional<PositionContribution> before;
    Optional<PositionContribution> after;
    if (newest.isPresent() && key.compareTo(key(newest.get())) > 0) {
      before = newest;
      after = Optional.empty();
    } else {
      before = last(contributions, track.timeline().from(), key);
      after = first(contributions, key, track.timeline().to()).filter(n -> !key(n).equals(key));
    }
    contributions.put(key, asKept(c));
    markTurns(before.orElse(null), c, false);
    after.ifPresent(next -> markTurns(c, next, true));
    return new Neighbours(before, after);
  }

  void remove(PositionContribution c) {
    String key = key(c);
    contributions.delete(key);
    deleteTurn(track.stanceTurns().at(c.getPublishedAt(), c.getArticleId()));
    deleteTurn(track.signTurns().at(c.getPublishedAt(), c.getArticleId()));
    Optional<PositionContribution> after = first(contributions, key, track.timeline().to());
    after.ifPresent(
        next ->
            markTurns(last(contributions, track.timeline().from(), key).orElse(null), next, true));
  }

  Optional<PositionContribution> latest() {
    return last(contributions, track.timeline().from(), track.timeline().to());
  }

  Optional<PositionContribution> earliest() {
    return first(contributions, track.timeline().from(), track.timeline().to());
  }

  /**
   * The stance turn at or before {@code at}, or the first one when none is: its stance is that of
   * the latest article published at or before {@code at}, or of the earliest article.
   */
  StanceChange stanceTurnUpTo(Instant at) {
    return last(turns, track.stanceTurns().from(), track.stanceTurns().upTo(at))
        .or(() -> first(turns, track.stanceTurns().from(), track.stanceTurns().to()))
        .orElseThrow();
  }

  List<PositionContribution> newest(int limit) {
    return newest(contributions, track.timeline().from(), track.timeline().to(), limit);
  }

  /** When the current run of the latest stance's sign began. */
  Instant lastSignTurn() {
    return last(turns, track.signTurns().from(), track.signTurns().to())
        .map(StanceChange::getAt)
        .orElseThrow();
  }

  /** The most recent changes of stance, oldest first. */
  List<StanceChange> lastStanceTurns(int limit) {
    List<StanceChange> oldestFirst =
        newest(turns, track.stanceTurns().from(), track.stanceTurns().to(), limit);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** The turn an article makes where its stance differs from the one published before it. */
  static StanceChange turnAt(PositionContribution c) {
    return new StanceChange(c.getPublishedAt(), c.getStance(), c.getArticleId(), c.getSource());
  }

  /** {@code previous}: the article published just before {@code c}, null when there is none. */
  static boolean turnsStance(PositionContribution previous, PositionContribution c) {
    return previous == null || previous.getStance() != c.getStance();
  }

  /**
   * {@code marked}: whether turns may be stored at {@code c}; none are at an article just added
   * (its earlier contribution's were deleted with it), and looking for them was two reads of absent
   * keys per article.
   */
  private void markTurns(PositionContribution previous, PositionContribution c, boolean marked) {
    StanceChange turn = turnAt(c);
    mark(
        track.stanceTurns().at(c.getPublishedAt(), c.getArticleId()),
        turn,
        turnsStance(previous, c),
        marked);
    mark(
        track.signTurns().at(c.getPublishedAt(), c.getArticleId()),
        turn,
        previous == null || Integer.signum(previous.getStance()) != Integer.signum(c.getStance()),
        marked);
  }

  private void mark(String key, StanceChange turn, boolean isTurn, boolean marked) {
    if (isTurn) {
      turns.put(key, turn);
    } else if (marked) {
      deleteTurn(key);
    }
  }

  /**
   * Deletes only a turn that is there: deleting an absent key still writes a RocksDB tombstone, and
   * every scan from the newest turn back walked over one per article published since that turn.
   */
  private void deleteTurn(String key) {
    if (turns.get(key) != null) {
      turns.delete(key);
    }
  }

  /**
   * The article as the timeline keeps it. Its entries serve the state (latest, earliest, evidence),
   * never story clustering: without the 64 fingerprint values, each of the entries an update reads
   * decodes in half the time.
   */
  static PositionContribution asKept(PositionContribution c) {
    return PositionContribution.newBuilder(c).setFingerprint(List.of()).build();
  }

  private String key(PositionContribution c) {
    return track.timeline().at(c.getPublishedAt(), c.getArticleId());
  }

  /** The last entry strictly before {@code to} (or up to it, when {@code to} is a range end). */
  private static <V> Optional<V> last(KeyValueStore<String, V> store, String from, String to) {
    try (KeyValueIterator<String, V> entries = store.reverseRange(from, to)) {
      while (entries.hasNext()) {
        var entry = entries.next();
        if (!entry.key.equals(to)) {
          return Optional.of(entry.value);
        }
      }
      return Optional.empty();
    }
  }

  private static <V> Optional<V> first(KeyValueStore<String, V> store, String from, String to) {
    try (KeyValueIterator<String, V> entries = store.range(from, to)) {
      return entries.hasNext() ? Optional.of(entries.next().value) : Optional.empty();
    }
  }

  private static <V> List<V> newest(
      KeyValueStore<String, V> store, String from, String to, int limit) {
    List<V> newestFirst = new ArrayList<>();
    try (KeyValueIterator<String, V> entries = store.reverseRange(from, to)) {
      while (entries.hasNext() && newestFirst.size() < limit) {
        newestFirst.add(entries.next().value);
      }
    }
    return newestFirst;
  }
}
