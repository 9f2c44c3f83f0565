package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import dev.parley.avro.StanceChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
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

  /** Where an article stands in its track's timeline: its entry and the entries next to it. */
  record Placed(
      Optional<TimelineEntry> older, TimelineEntry entry, Optional<TimelineEntry> newer) {}

  /**
   * Adds the article, and the turns it makes or unmakes at itself and at its newer neighbour. Its
   * neighbours come from {@code window} when it covers the article, else from the store; the window
   * then holds the article if it adjoins what the window holds.
   */
  Placed add(PositionContribution c, TimelineWindow window) {
    TimelineEntry entry = TimelineEntry.of(key(c), c);
    Placed placed = place(entry, window);
    contributions.put(entry.key(), asKept(c));
    TimelineEntry older = placed.older().orElse(null);
    // none are stored at an article just added: its earlier contribution's went with it
    mark(
        window,
        entry,
        false,
        TimelineEntry.turnsStance(older, entry),
        false,
        TimelineEntry.turnsSign(older, entry));
    placed.newer().ifPresent(newer -> followsInstead(window, newer, older, entry));
    window.added(entry, placed.older(), placed.newer());
    return placed;
  }

  /** Takes the article out, with its turns, and remakes the turn at its newer neighbour. */
  void remove(PositionContribution c, TimelineWindow window) {
    TimelineEntry entry = TimelineEntry.of(key(c), c);
    Placed placed = place(entry, window);
    contributions.delete(entry.key());
    TimelineEntry older = placed.older().orElse(null);
    mark(
        window,
        entry,
        TimelineEntry.turnsStance(older, entry),
        false,
        TimelineEntry.turnsSign(older, entry),
        false);
    placed.newer().ifPresent(newer -> followsInstead(window, newer, entry, older));
    window.removed(entry.key());
  }

  /**
   * The entry with its neighbours, from the window or else the store (where the entry itself may
   * be).
   */
  private Placed place(TimelineEntry entry, TimelineWindow window) {
    String key = entry.key();
    if (window.covers(key)) {
      return new Placed(window.older(key), entry, window.newer(key));
    }
    return new Placed(
        last(contributions, track.timeline().from(), key).map(PositionTimeline::entry),
        entry,
        // the first key after this one, whether it is stored or not: the key and a NUL
        first(contributions, key + "\u0000", track.timeline().to()).map(PositionTimeline::entry));
  }

  /** {@code newer} follows {@code now} where it followed {@code before} (each null for none). */
  private void followsInstead(
      TimelineWindow window, TimelineEntry newer, TimelineEntry before, TimelineEntry now) {
    mark(
        window,
        newer,
        TimelineEntry.turnsStance(before, newer),
        TimelineEntry.turnsStance(now, newer),
        TimelineEntry.turnsSign(before, newer),
        TimelineEntry.turnsSign(now, newer));
  }

  /**
   * Writes or deletes the turns at {@code e} only where they change: whether it turned the stance
   * (its sign) before the update, and whether it does after; neither when it is not in the
   * timeline. The stores hold a turn exactly where one is made, so knowing that saves reading them,
   * and deleting only those that are saves RocksDB tombstones, over which every scan from the
   * newest turn back would walk. The window's run of stance turns follows the stance turns' writes.
   */
  private void mark(
      TimelineWindow window,
      TimelineEntry e,
      boolean stanceWas,
      boolean stanceIs,
      boolean signWas,
      boolean signIs) {
    if (stanceWas != stanceIs) {
      String key = mark(track.stanceTurns(), e, stanceIs);
      if (stanceIs) {
        window.stanceTurns().written(key, e.turn());
      } else {
        window.stanceTurns().deleted(key);
      }
    }
    if (signWas != signIs) {
      mark(track.signTurns(), e, signIs);
    }
  }

  private String mark(Track.TimeOrdered kind, TimelineEntry e, boolean made) {
    String key = kind.at(e.publishedAt(), e.articleId());
    if (made) {
      turns.put(key, e.turn());
    } else {
      turns.delete(key);
    }
    return key;
  }

  Optional<PositionContribution> latest() {
    return last(contributions, track.timeline().from(), track.timeline().to()).map(e -> e.value);
  }

  Optional<PositionContribution> earliest() {
    return first(contributions, track.timeline().from(), track.timeline().to()).map(e -> e.value);
  }

  /**
   * The stance turn at or before {@code at}, or the first one when none is: its stance is that of
   * the latest article published at or before {@code at}, or of the earliest article. From {@code
   * run} when it holds it; else read, and the run starts from it, to read ahead from there when
   * {@code at} has moved past it.
   */
  StanceChange stanceTurnUpTo(Instant at, TurnRun run) {
    String bound = track.stanceTurns().upTo(at);
    Optional<StanceChange> held = run.upTo(bound);
    Optional<String> last = run.last();
    if (held.isEmpty() && last.isPresent() && bound.compareTo(last.get()) > 0) {
      // the first key after the last held: the key and a NUL
      run.extend(
          StoreRanges.oldest(
              turns, last.get() + "\u0000", track.stanceTurns().to(), TurnRun.READ_AHEAD));
      held = run.upTo(bound);
    }
    return held.orElseGet(
        () -> {
          Optional<KeyValue<String, StanceChange>> found =
              last(turns, track.stanceTurns().from(), bound);
          boolean first = found.isEmpty();
          KeyValue<String, StanceChange> turn =
              found
                  .or(() -> first(turns, track.stanceTurns().from(), track.stanceTurns().to()))
                  .orElseThrow();
          run.restart(turn, first);
          return turn.value;
        });
  }

  List<PositionContribution> newest(int limit) {
    return newest(contributions, track.timeline().from(), track.timeline().to(), limit);
  }

  /** When the current run of the latest stance's sign began. */
  Instant lastSignTurn() {
    return last(turns, track.signTurns().from(), track.signTurns().to())
        .map(e -> e.value.getAt())
        .orElseThrow();
  }

  /** The most recent changes of stance, oldest first. */
  List<StanceChange> lastStanceTurns(int limit) {
    List<StanceChange> oldestFirst =
        newest(turns, track.stanceTurns().from(), track.stanceTurns().to(), limit);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /**
   * The article as the timeline keeps it. Its entries serve the state (latest, earliest, evidence),
   * never story clustering: without the 64 fingerprint values, each of the entries an update reads
   * decodes in half the time.
   */
  private static PositionContribution asKept(PositionContribution c) {
    return PositionContribution.newBuilder(c).setFingerprint(List.of()).build();
  }

  private static TimelineEntry entry(KeyValue<String, PositionContribution> stored) {
    return TimelineEntry.of(stored.key, stored.value);
  }

  private String key(PositionContribution c) {
    return track.timeline().at(c.getPublishedAt(), c.getArticleId());
  }

  /** The last entry strictly before {@code to} (or up to it, when {@code to} is a range end). */
  private static <V> Optional<KeyValue<String, V>> last(
      KeyValueStore<String, V> store, String from, String to) {
    try (KeyValueIterator<String, V> entries = store.reverseRange(from, to)) {
      while (entries.hasNext()) {
        var entry = entries.next();
        if (!entry.key.equals(to)) {
          return Optional.of(entry);
        }
      }
      return Optional.empty();
    }
  }

  private static <V> Optional<KeyValue<String, V>> first(
      KeyValueStore<String, V> store, String from, String to) {
    return StoreRanges.oldest(store, from, to, 1).stream().findFirst();
  }

  private static <V> List<V> newest(
      KeyValueStore<String, V> store, String from, String to, int limit) {
    return new ArrayList<>(
        StoreRanges.newest(store, from, to, limit).stream().map(entry -> entry.value).toList());
  }
}
