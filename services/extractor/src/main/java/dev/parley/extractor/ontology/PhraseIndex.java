package dev.parley.extractor.ontology;

import dev.parley.extractor.text.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Finds lexicon phrases in a token range. Phrases are indexed by the stems of their first slot, so
 * each token costs one hash lookup; overlapping matches are resolved longest-first, which lets
 * "block NATO membership" win over the bare cue "block".
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseIndex<T> {

  public record Match<T>(int start, int end, T value) {
    int length() {
      return end - start;
    }
  }

  private record Entry<T>(PhrasePattern pattern, T value) {}

  private final Map<String, List<Entry<T>>> byFirstStem = new HashMap<>();
  private final Comparator<T> tieBreak;

  /**
   * @param tieBreak orders values of equally long overlapping matches; the smaller one wins
   */
  PhraseIndex(Comparator<T> tieBreak) {
    this.tieBreak = tieBreak;
  }

  void add(PhrasePattern pattern, T value) {
    for (String stem : pattern.firstStems()) {
      byFirstStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(new Entry<>(pattern, value));
    }
  }

  /**
   * Non-overlapping matches inside tokens [from, to), in text order.
   *
   * @param opensClause tokens that a phrase's gap may not cross
   */
  public List<Match<T>> find(List<Token> tokens, int from, int to, IntPredicate opensClause) {
    List<Match<T>> all = new ArrayList<>();
    for (int i = from; i < to; i++) {
      List<Entry<T>> candidates = byFirstStem.get(tokens.get(i).stem());
      if (candidates == null) {
        continue;
      }
      for (Entry<T> e : candidates) {
        int end = e.pattern().matchAt(tokens, i, to, opensClause);
        if (end > 0) {
          all.add(new Match<>(i, end, e.value()));
        }
      }
    }
    if (all.size() < 2) {
      return all;
    }
    all.sort(
        Comparator.<Match<T>>comparingInt(m -> -m.length())
            .thenComparing(Match::value, tieBreak)
            .thenComparingInt(Match::start));
    List<Match<T>> kept = new ArrayList<>();
    for (Match<T> m : all) {
      if (kept.stream().noneMatch(k -> k.start() < m.end() && m.start() < k.end())) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(Match::start));
    return kept;
  }
}
