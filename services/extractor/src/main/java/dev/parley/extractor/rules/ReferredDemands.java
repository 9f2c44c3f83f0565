package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.Set;

/**
 * A stance on a demand named only by an anaphor or left unsaid: "Russia wants all of Donbas. Kyiv
 * has rejected the demand.", "Russia demands Donetsk; Kyiv refuses." The rejected demand is the
 * stance another party took in the sentences just before; rejecting it is a stance against that
 * party's issue, accepting it one for it.
 */
final class ReferredDemands {

  /**
   * Nouns that stand for a party's earlier demand when they follow a determiner and have no
   * complement.
   */
  private static final Set<String> DEMAND_NOUNS =
      Set.of(
          "demand",
          "demands",
          "condition",
          "conditions",
          "terms",
          "request",
          "requests",
          "ultimatum",
          "idea",
          "suggestion");

  private static final Set<String> ANAPHORIC_DETERMINERS =
      Set.of("the", "this", "that", "these", "those", "such");

  /**
   * Words after the noun that give it content of its own ("the demand for neutrality", "terms that
   * ...").
   */
  private static final Set<String> COMPLEMENTS = Set.of("for", "of", "that", "to", "from", "by");

  /** Marks that end a clause: a cue right before one has no object of its own. */
  private static final Set<String> CLAUSE_ENDS = Set.of(".", ";", "!");

  private static final Set<String> RELATIVES = Set.of("which", "that", "whom", "what");

  /** How far before a clause-final cue its relative pronoun may stand. */
  private static final int RELATIVE_REACH = 6;

  /** How many sentences back the referred demand may stand. */
  static final int REACH = 2;

  private final ArticleAnalysis a;

  ReferredDemands(ArticleAnalysis analysis) {
    this.a = analysis;
  }

  /**
   * Whether the cue's object is an anaphor ("rejected the demand", "refused to do so"): the cue
   * then governs what came before, not an issue named after it.
   */
  boolean hasAnaphoricObject(Mentions.CueWord cue, Sentence s) {
    return anaphorEnd(cue, s) >= 0;
  }

  /**
   * "Ukraine describes that demand as unacceptable": the evaluation a naming verb gives its
   * anaphoric object, spanning from the verb, or null.
   */
  Mentions.CueWord judgementOfAnaphor(int verb, Sentence s) {
    if (!a.is(verb, WordClass.NAMING)) {
      return null;
    }
    int end = anaphorEnd(verb + 1, s);
    int k = end < 0 ? s.to() : a.skipForward(end, s, i -> a.lower(i).equals("as"));
    Mentions.CueWord judgement = k < s.to() ? a.cueAt[k] : null;
    return judgement != null && judgement.cue().evaluative()
        ? new Mentions.CueWord(verb, judgement.to(), judgement.cue())
        : null;
  }

  /** The token after the anaphor that is the cue's object, or -1. */
  int anaphorEnd(Mentions.CueWord cue, Sentence s) {
    int end = anaphorEnd(cue.to(), s);
    boolean unsaid = end >= 0 && endsClause(end, s);
    return unsaid && hasRelativeObject(cue, s) ? -1 : end;
  }

  /**
   * "a deal to which Kyiv could agree", "the territory, which Russia is demanding": the cue ending
   * a relative clause has the clause's head as its object.
   */
  private boolean hasRelativeObject(Mentions.CueWord cue, Sentence s) {
    for (int k = cue.from() - 1; k >= Math.max(s.from(), cue.from() - RELATIVE_REACH); k--) {
      String word = a.lower(k);
      if (RELATIVES.contains(word)) {
        return true;
      }
      if (word.equals(",") || word.equals(";")) {
        return false;
      }
    }
    return false;
  }

  private boolean endsClause(int k, Sentence s) {
    return k >= s.to() || CLAUSE_ENDS.contains(a.lower(k));
  }

  private int anaphorEnd(int after, Sentence s) {
    int k =
        a.skipForward(after, s, i -> a.is(i, WordClass.INTENSIFIER) || a.lower(i).endsWith("ly"));
    if (k + 1 < s.to() && a.lower(k).equals("do") && a.lower(k + 1).equals("so")) {
      return k + 2; // "refused to do so"
    }
    if (k + 2 < s.to()
        && a.lower(k).equals("to")
        && a.lower(k + 1).equals("do")
        && a.lower(k + 2).equals("so")) {
      return k + 3;
    }
    if (endsClause(k, s)) {
      return k; // "Russia demands Donetsk; Kyiv refuses.": the object is left unsaid
    }
    if (!ANAPHORIC_DETERMINERS.contains(a.lower(k))) {
      return -1;
    }
    int noun = k + 1;
    if (noun < s.to()
        && a.cueAt[noun] == null
        && a.actorAt[noun] == null
        && !DEMAND_NOUNS.contains(a.lower(noun))
        && a.lower(noun).matches("[a-z]+")
        && !a.isFunctionWord(noun)) {
      noun++; // one adjective: "such sweeping terms"
    }
    if (noun >= s.to() || !DEMAND_NOUNS.contains(a.lower(noun)) || a.issueAt[noun] != null) {
      return -1;
    }
    boolean complement =
        noun + 1 < s.to()
            && (COMPLEMENTS.contains(a.lower(noun + 1)) || a.issueAt[noun + 1] != null);
    return complement ? -1 : noun + 1;
  }
}
