package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.Set;

/**
 * Lists of issues governed by one cue: "relinquish A, abandon B, and provide C" gives each item its
 * own verb, while "... and permanently block NATO membership — terms Kyiv rejected" lets a cue
 * after the list reach back over every item.
 */
final class ListItems {

  static final Set<String> SEPARATORS = Set.of(",", "and", "or", "—", "–", ";");

  private final ArticleAnalysis a;

  ListItems(ArticleAnalysis analysis) {
    this.a = analysis;
  }

  /** Possessives that open an object ("drop his country's bid"), not a party that acts. */
  private static final Set<String> OWNERS = Set.of("his", "its", "their", "our");

  /** The cue opens a list item: only fillers stand between it and the separator before it. */
  boolean isItemInitial(Mentions.CueWord cue, Sentence s) {
    int k = a.skipBack(cue.from() - 1, s, a::isFiller);
    return k >= s.from() && SEPARATORS.contains(a.lower(k));
  }

  /**
   * "..., and demanded B", "..., repeats demand for B": the cue starts a coordinated predicate of
   * its own; "and a ban on B" is a list item, not a predicate.
   */
  boolean opensPredicate(Mentions.CueWord cue, Sentence s) {
    int k =
        a.skipBack(
            cue.from() - 1,
            s,
            i -> (a.isFiller(i) && !a.is(i, WordClass.DETERMINER)) || a.isReporting(i));
    return k >= s.from() && SEPARATORS.contains(a.lower(k));
  }

  /**
   * The cue is followed by an object of its own ("rejected the accusations"), not by a clause or a
   * party that a later verb continues ("demanded that Kyiv ...", "wants Ukraine to ...").
   */
  boolean takesOwnObject(Mentions.CueWord cue, Sentence s) {
    int k = a.skipForward(cue.to(), s, i -> a.isFiller(i) && !a.is(i, WordClass.NEGATOR));
    if (k >= s.to() || !a.token(k).word() || a.actorAt[k] != null) {
      return false;
    }
    String w = a.lower(k);
    if (a.isPronoun(k) && !OWNERS.contains(w)) {
      return false;
    }
    return !(w.equals("that") || w.equals("to") || w.equals("for") || w.equals("on"));
  }

  /** End of an issue mention starting within three words after the cue, or -1. */
  int issueRightAfter(Mentions.CueWord cue, Sentence s) {
    return issueAfter(cue, s, 3);
  }

  /** End of an issue mention starting within {@code reach} words after the cue, or -1. */
  int issueAfter(Mentions.CueWord cue, Sentence s, int reach) {
    for (int k = cue.to(); k < Math.min(s.to(), cue.to() + reach); k++) {
      if (a.issueAt[k] != null) {
        return a.issueAt[k].to();
      }
      if (!a.token(k).word()) {
        return -1;
      }
    }
    return -1;
  }
}
