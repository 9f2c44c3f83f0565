package dev.parley.extractor.ontology;

import dev.parley.extractor.text.Token;
import dev.parley.extractor.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * A compiled lexicon phrase: a sequence of slots matched against token stems. Syntax of the source
 * text (documented for ontology authors in the default ontology file):
 *
 * <ul>
 *   <li>words are matched by stem, so "cede territory" also matches "ceding territories";
 *   <li>{@code a|b|c} is one slot with single-word alternatives;
 *   <li>{@code ...} lets up to {@value #MAX_GAP} words (no punctuation but quotes and hyphens)
 *       stand between two slots;
 *   <li>a word written in capitals ("US", "EU") only matches a token in capitals.
 * </ul>
 */
final class PhrasePattern {

  static final int MAX_GAP = 5;
  private static final String GAP = "...";

  private record Slot(Set<String> stems, boolean upperOnly) {
    boolean accepts(Token t) {
      return stems.contains(t.stem()) && (!upperOnly || t.allCaps());
    }
  }

  private final String source;
  private final Slot[] slots;

  /** gapBefore[i]: slot i may be preceded by a gap. */
  private final boolean[] gapBefore;

  private PhrasePattern(String source, Slot[] slots, boolean[] gapBefore) {
    this.source = source;
    this.slots = slots;
    this.gapBefore = gapBefore;
  }

  /**
   * @throws IllegalArgumentException with a message fit for the ontology author
   */
  static PhrasePattern compile(String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("empty phrase");
    }
    List<Slot> slots = new ArrayList<>();
    List<Boolean> gaps = new ArrayList<>();
    boolean pendingGap = false;
    for (String chunk : source.trim().split("\\s+")) {
      if (chunk.equals(GAP) || chunk.equals("…")) {
        if (slots.isEmpty() || pendingGap) {
          throw new IllegalArgumentException(
              "phrase '" + source + "' may not start with or repeat '...'");
        }
        pendingGap = true;
        continue;
      }
      if (chunk.indexOf('|') >= 0) {
        slots.add(alternatives(source, chunk));
        gaps.add(pendingGap);
      } else {
        for (Token t : Tokenizer.tokenize(chunk)) {
          slots.add(new Slot(Set.of(t.stem()), t.allCaps()));
          gaps.add(pendingGap);
          pendingGap = false;
        }
      }
      pendingGap = false;
    }
    if (pendingGap) {
      throw new IllegalArgumentException("phrase '" + source + "' may not end with '...'");
    }
    boolean[] gapBefore = new boolean[gaps.size()];
    for (int i = 0; i < gapBefore.length; i++) {
      gapBefore[i] = gaps.get(i);
    }
    return new PhrasePattern(source, slots.toArray(new Slot[0]), gapBefore);
  }

  private static Slot alternatives(String source, String chunk) {
    List<Token> words = new ArrayList<>();
    for (String alternative : chunk.split("\\|")) {
      List<Token> t = Tokenizer.tokenize(alternative);
      if (t.size() != 1) {
        throw new IllegalArgumentException(
            "in phrase '"
                + source
                + "', alternative '"
                + alternative
                + "' must be exactly one word");
      }
      words.add(t.get(0));
    }
    boolean upper = words.stream().allMatch(Token::allCaps);
    return new Slot(words.stream().map(Token::stem).collect(Collectors.toUnmodifiableSet()), upper);
  }

  Set<String> firstStems() {
    return slots[0].stems();
  }

  /**
   * @param opensClause tokens a gap may not cross ("keep fighting even if Washington lifts
   *     sanctions" is no "keep ... sanctions")
   * @return the end (exclusive) of a match starting at {@code start}, or -1
   */
  int matchAt(List<Token> tokens, int start, int limit, IntPredicate opensClause) {
    return matchFrom(tokens, 0, start, limit, opensClause);
  }

  private int matchFrom(
      List<Token> tokens, int slot, int pos, int limit, IntPredicate opensClause) {
    if (slot == slots.length) {
      return pos;
    }
    int maxSkip = gapBefore[slot] ? MAX_GAP : 0;
    for (int skip = 0; skip <= maxSkip && pos + skip < limit; skip++) {
      int skipped = pos + skip - 1;
      if (skip > 0 && (!isGapFiller(tokens.get(skipped)) || opensClause.test(skipped))) {
        return -1; // gaps stay inside one stretch of words
      }
      if (slots[slot].accepts(tokens.get(pos + skip))) {
        int end = matchFrom(tokens, slot + 1, pos + skip + 1, limit, opensClause);
        if (end >= 0) {
          return end;
        }
      }
    }
    return -1;
  }

  /** Equal for phrases that match exactly the same token sequences. */
  String signature() {
    return Arrays.toString(slots) + Arrays.toString(gapBefore);
  }

  /**
   * Words, quotation marks and the hyphens of compounds, which are transparent: could serve as a
   * “basis”, end the four-year war.
   */
  private static boolean isGapFiller(Token t) {
    return t.word() || "“”\"‘’'-".contains(t.text());
  }

  @Override
  public String toString() {
    return source;
  }
}
