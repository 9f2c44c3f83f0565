package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.Cue;
import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.Set;

/**
 * Conditions a party sets. "Kyiv will not accept a ceasefire unless it comes with guarantees",
 * "sanctions stay until Russia withdraws", "Moscow will only sign if sanctions are lifted" and
 * "without a withdrawal there will be no deal" state that the party wants what the condition says,
 * while what happens inside the condition ("until Russia agrees to a truce") is nobody's stance. A
 * plain "if" after an offer ("ready to drop the NATO bid if it gets guarantees") wants the
 * condition; after a refusal ("would reject a deal if it included troops") it opposes it.
 */
final class Conditions {

  /** The condition clause an issue mention stands in. */
  record Clause(int marker, boolean requirement) {}

  private static final Set<String> CLAUSE_ENDS = Set.of(",", "—", "–", "(", ";", ":");

  private final ArticleAnalysis a;

  Conditions(ArticleAnalysis analysis) {
    this.a = analysis;
  }

  /**
   * The condition clause after a main clause that the mention stands in, or null. A condition
   * opening the sentence ("If Russia agreed to a ceasefire, ...") is left to the hypothetical mood.
   */
  Clause around(Mentions.Issue m, Sentence s) {
    for (int k = m.from() - 1; k > s.from(); k--) {
      if (CLAUSE_ENDS.contains(a.lower(k)) || a.is(k, WordClass.BOUNDARY)) {
        return null;
      }
      if (a.is(k, WordClass.CONDITION)) {
        boolean opensSentence = !a.token(k - 1).word() && k - 1 == s.from();
        String before = a.lower(k - 1);
        if (opensSentence || before.equals("even")) {
          return null; // "even if" concedes, it sets nothing
        }
        return new Clause(k, !a.lower(k).equals("if") || onlyBefore(k, s));
      }
    }
    return null;
  }

  /** "only if", "will only sign if": the condition is the only way to the holder's yes. */
  private boolean onlyBefore(int marker, Sentence s) {
    for (int k = marker - 1; k >= Math.max(s.from(), marker - 3); k--) {
      if (a.lower(k).equals("only")) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Without a withdrawal from Donbas, there will be no agreement": the "without" that makes the
   * mention what the sentence requires, or -1.
   */
  int openingWithout(Mentions.Issue m, Sentence s) {
    int first = a.skipForward(s.from(), s, i -> !a.token(i).word());
    if (first >= m.from() || !a.lower(first).equals("without")) {
      return -1;
    }
    int comma = first;
    while (comma < s.to() && !a.lower(comma).equals(",")) {
      comma++;
    }
    if (comma < m.to()) {
      return -1;
    }
    for (int k = comma; k < s.to(); k++) {
      if (a.is(k, WordClass.NEGATOR)) {
        return first;
      }
    }
    return -1;
  }

  /**
   * "it would not sign a deal without security guarantees": the "without" before the mention, in a
   * clause that refuses something without it, which makes the mention a requirement; or -1.
   */
  int refusedWithout(Mentions.Issue m, Sentence s) {
    int without = beforeModifiers(m, s, "without");
    if (without < 0) {
      return -1;
    }
    for (int k = without - 1; k >= s.from(); k--) {
      if (a.is(k, WordClass.BOUNDARY) || a.is(k, WordClass.SOFT_BOUNDARY)) {
        return -1;
      }
      if (a.is(k, WordClass.NEGATOR)) {
        return without;
      }
    }
    return -1;
  }

  /**
   * "offered to drop the NATO bid in exchange for security guarantees": the "for" of "in exchange
   * for" or "in return for" before the mention, or -1. Whoever makes the offer wants the mention.
   */
  int inExchangeFor(Mentions.Issue m, Sentence s) {
    int marker = beforeModifiers(m, s, "for");
    boolean exchange =
        marker - 2 >= s.from()
            && EXCHANGES.contains(a.lower(marker - 1))
            && a.lower(marker - 2).equals("in");
    return exchange ? marker : -1;
  }

  private static final Set<String> EXCHANGES = Set.of("exchange", "return");

  /**
   * "ruled out ceding territory as part of any potential peace agreement": the document frames what
   * the clause's verb governs; no one takes a stance on it there.
   */
  boolean framesAct(Mentions.Issue m, Sentence s) {
    boolean document =
        a.is(m.to() - 1, WordClass.DOCUMENT) // "any peace agreement"
            || (m.to() < s.to() && a.is(m.to(), WordClass.DOCUMENT)); // "any ceasefire deal"
    return document && a.opensFrame(beforeModifiers(m, s, "of") - 2, s);
  }

  /**
   * The given word right before the mention, past up to three determiners and modifiers ("without
   * firm Western guarantees"), or -1.
   */
  private int beforeModifiers(Mentions.Issue m, Sentence s, String word) {
    int k = m.from() - 1;
    for (int words = 0; k >= s.from() && words < 3; k--, words++) {
      boolean modifier =
          a.is(k, WordClass.DETERMINER)
              || (a.token(k).word() && !a.isFunctionWord(k) && a.cueAt[k] == null);
      if (a.lower(k).equals(word) || !modifier) {
        break;
      }
    }
    return k >= s.from() && a.lower(k).equals(word) ? k : -1;
  }

  /**
   * "will not accept X unless ...", "rejects X unless ...", "would not sign a deal without ...": an
   * "unless", or a "without" right after the mention, lifts the refusal to a conditional yes.
   */
  boolean unlessFollows(Mentions.Issue m, Sentence s) {
    if (m.to() < s.to() && a.lower(m.to()).equals("without")) {
      return true;
    }
    for (int k = m.to(); k < s.to(); k++) {
      if (CLAUSE_ENDS.contains(a.lower(k)) || a.is(k, WordClass.BOUNDARY)) {
        return false;
      }
      if (a.lower(k).equals("unless")) {
        return true;
      }
    }
    return false;
  }

  /** The condition marker as a cue of the given stance, for evidence and combination. */
  CueHit cue(int marker, int stance) {
    Cue cue = Cue.of(a.lower(marker), stance, 1);
    return new CueHit(new Mentions.CueWord(marker, marker + 1, cue), false, false, false);
  }
}
