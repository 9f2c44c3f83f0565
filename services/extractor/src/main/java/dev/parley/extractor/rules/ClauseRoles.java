package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import dev.parley.extractor.text.Token;
import java.util.Set;

/**
 * The part a word plays in its clause, told from the words around it: whether a party is an object,
 * a possessor or modifier of an issue, a bystander, and whether a cue is passive or takes no
 * object. Parley has no parser; these tests are what it uses instead.
 */
final class ClauseRoles {

  /** Marks that open or close an apposition: "..., conditions Kyiv has rejected, ...". */
  static final Set<String> APPOSITION_MARKS = Set.of(",", "—", "–");

  static final Set<String> COORDINATORS = Set.of("and", ",", "&");

  /** Between a subject and its verb: "Kyiv and its allies have all urged", "both have rejected". */
  static final Set<String> FLOATING_QUANTIFIERS = Set.of("all", "both");

  /** Quantifiers that pick an unnamed member of a group: "one of the two leaders". */
  private static final Set<String> PEOPLE =
      Set.of("partners", "allies", "counterparts", "politicians", "lawmakers", "capitals");

  /** Nouns naming a part of what follows "of": "key elements of the plan". */
  private static final Set<String> PARTS =
      Set.of(
          "elements",
          "element",
          "parts",
          "part",
          "aspects",
          "provisions",
          "points",
          "clauses",
          "terms",
          "sections",
          "much",
          "most",
          "some",
          "all",
          "many");

  private static final Set<String> UNNAMED =
      Set.of("one", "either", "neither", "none", "some", "each", "any");

  private static final Set<String> BE =
      Set.of("is", "are", "was", "were", "be", "been", "being", "get", "got");

  private final ArticleAnalysis a;

  ClauseRoles(ArticleAnalysis analysis) {
    this.a = analysis;
  }

  /**
   * A party named after a preposition, a cue or a verb such as "met" is talked about, not talking:
   * "pushed Kyiv to accept", "talks with Ukrainian officials".
   */
  boolean isObject(int from, Sentence s) {
    int k = a.skipBack(from - 1, s, i -> a.is(i, WordClass.DETERMINER));
    if (k < s.from()) {
      return false;
    }
    Token t = a.token(k);
    if (COORDINATORS.contains(t.lower()) && k - 1 >= s.from() && a.actorAt[k - 1] != null) {
      return isObject(a.actorAt[k - 1].from(), s); // "talks with Witkoff and Kushner"
    }
    boolean opensClause = k == s.from() || a.is(k - 1, WordClass.SOFT_BOUNDARY);
    if (t.lower().equals("with") && opensClause && headsAbsoluteClause(from, s)) {
      return false;
    }
    if (subjectOfRelativeClause(from, k, s)
        || namesWhosePeople(k, s)
        || subjectAfterConjunction(from, k, s)) {
      return false;
    }
    return a.is(k, WordClass.PREPOSITION) || a.cueAt[k] != null || a.is(k, WordClass.OBJECT_VERB);
  }

  /**
   * "a day after Zelensky ruled out ceding territory": "after" or "before" opens a clause whose
   * subject is the party, when a cue follows it.
   */
  private boolean subjectAfterConjunction(int from, int k, Sentence s) {
    Mentions.Actor actor = a.actorAt[from];
    if (!a.is(k, WordClass.BOUNDARY) || actor == null || a.token(actor.to() - 1).possessive()) {
      return false;
    }
    return cueAfter(actor, s) >= 0;
  }

  /** The cue that starts right after the party, past auxiliaries and adverbs, or -1. */
  private int cueAfter(Mentions.Actor actor, Sentence s) {
    int k = a.skipForward(actor.to(), s, i -> a.lower(i).endsWith("ly") || a.isAuxiliary(i));
    return k < s.to() && a.cueAt[k] != null && a.cueAt[k].from() == k ? k : -1;
  }

  /** "key partners in the US and Europe", "officials from Kyiv": the place says whose people. */
  private boolean namesWhosePeople(int k, Sentence s) {
    String w = a.lower(k);
    return (w.equals("in") || w.equals("from"))
        && k - 1 >= s.from()
        && (PEOPLE.contains(a.lower(k - 1)) || a.is(k - 1, WordClass.ROLE));
  }

  /**
   * "conditions that Ukraine has long rejected as unacceptable": the party after a relative pronoun
   * is the subject of the cue that follows it, whose object is the noun before the pronoun.
   */
  private boolean subjectOfRelativeClause(int from, int k, Sentence s) {
    boolean relative = false;
    for (int i = k + 1; i < from; i++) {
      relative |= a.lower(i).equals("that") || a.lower(i).equals("which");
    }
    Mentions.Actor actor = a.actorAt[from];
    if (!relative || a.cueAt[k] == null || actor == null) {
      return false;
    }
    int verb =
        a.skipForward(actor.to(), s, i -> a.isAuxiliary(i) || a.is(i, WordClass.INTENSIFIER));
    if (verb >= s.to() || a.cueAt[verb] == null || a.cueAt[verb].cue().deontic()) {
      return false;
    }
    int after = a.cueAt[verb].to();
    return after >= s.to()
        || !(a.is(after, WordClass.DETERMINER)
            || a.actorAt[after] != null
            || a.issueAt[after] != null);
  }

  /**
   * "..., with Zelensky repeatedly opposing land concessions, Witkoff said": after a clause-opening
   * "with" the party is the subject of the participle cue that follows it, not an object of "with".
   */
  private boolean headsAbsoluteClause(int from, Sentence s) {
    Mentions.Actor actor = a.actorAt[from];
    if (actor == null) {
      return false;
    }
    int k = cueAfter(actor, s);
    return k >= 0 && a.lower(k).endsWith("ing");
  }

  boolean followsCue(int from, Sentence s) {
    int k = a.skipBack(from - 1, s, i -> a.is(i, WordClass.DETERMINER));
    if (k - 1 > s.from() && a.lower(k).equals("of") && PARTS.contains(a.lower(k - 1))) {
      // "rejected key parts of the U.S.-backed plan": a part of the object is the object
      k =
          a.skipBack(
              k - 2,
              s,
              i ->
                  a.is(i, WordClass.DETERMINER)
                      || a.isLowercaseContentWord(i) && a.cueAt[i] == null);
    }
    return k >= s.from() && a.cueAt[k] != null;
  }

  /**
   * The colon at token k ends "three elements of the draft plan" or "the key points": what follows
   * lists those parts.
   */
  boolean namesPartsBefore(int colon, Sentence s) {
    for (int k = colon - 1; k >= Math.max(s.from(), colon - 6); k--) {
      if (PARTS.contains(a.lower(k))
          && (k == colon - 1 || (k + 1 < colon && a.lower(k + 1).equals("of")))) {
        return true;
      }
    }
    return false;
  }

  /** "the U.S. proposal", "Trump's plan": the party names whose plan it is, not who judges it. */
  boolean modifiesIssue(Mentions.Actor actor, Sentence s) {
    if (actor.to() >= s.to() || a.issueAt[actor.to()] == null) {
      return false;
    }
    return a.token(actor.to() - 1).possessive()
        || (actor.from() > s.from() && a.is(actor.from() - 1, WordClass.DETERMINER))
        || (actor.from() > s.from()
            && a.lower(actor.from() - 1).equals("-")); // "Russia-Ukraine plan"
  }

  boolean isPossessor(int k) {
    Token t = a.token(k);
    if (t.possessive() && a.actorAt[k] != null) {
      return true;
    }
    String w = t.lower();
    return w.equals("his")
        || w.equals("her")
        || w.equals("its")
        || w.equals("their")
        || w.equals("our");
  }

  /**
   * The possessor at k owns a cue ("Moscow's demands") or someone who speaks for it ("Trump's
   * special envoy"), so it may hold a stance; "Zelensky's mandate" may not.
   */
  boolean ownsStanceOrSpeaker(int k, Sentence s) {
    for (int i = k + 1; i < Math.min(s.to(), k + 4); i++) {
      if (a.cueAt[i] != null || a.is(i, WordClass.ROLE)) {
        return true;
      }
      if (!a.token(i).word() || a.isFunctionWord(i)) {
        return false;
      }
    }
    return false;
  }

  /** A subject that names no party: "Analysts say", "some Muscovites expressed hope". */
  boolean isBystander(int k, Sentence s) {
    if (k < s.from()
        || a.actorAt[k] != null
        || !a.token(k).word()
        || a.isFunctionWord(k)
        || a.isPronoun(k)
        || a.is(k, WordClass.TEMPORAL)) {
      return false;
    }
    Token t = a.token(k);
    boolean afterPreposition =
        k > s.from() && a.is(k - 1, WordClass.PREPOSITION); // "meeting in Paris"
    // “We believe ...”: the first word of a sentence is capitalised whatever it is
    boolean sentenceInitial = a.skipBack(k - 1, s, i -> !a.token(i).word()) < s.from();
    boolean properNoun =
        Character.isUpperCase(t.text().charAt(0))
            && !sentenceInitial
            && !t.allCaps()
            && !afterPreposition;
    return properNoun || a.is(k, WordClass.BYSTANDER) || unnamedMember(k, s);
  }

  /** "one of the two leaders was not ready": a member of a group, no party in particular. */
  private boolean unnamedMember(int k, Sentence s) {
    for (int i = k - 1; i > s.from() && k - i <= 4; i--) {
      if (a.lower(i).equals("of") && UNNAMED.contains(a.lower(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** The reporting verb at k has a bystander for subject: "analysts say". */
  boolean bystanderReports(int k, Sentence s) {
    return isBystander(a.skipBack(k - 1, s, a::isAuxiliary), s);
  }

  /** The reporting verb at k is a bystander's guess, not news passed on ("reports say"). */
  boolean bystanderSpeculates(int k, Sentence s) {
    return bystanderReports(k, s)
        && !a.is(a.skipBack(k - 1, s, a::isAuxiliary), WordClass.NEWS_SOURCE);
  }

  /**
   * ", officials say," or ", diplomats said.": an aside reporting the surrounding clause, whose
   * subject stays the holder. The comma opening the aside, or -1 when the verb at k is no such
   * aside.
   */
  int bystanderAsideStart(int k, Sentence s) {
    if (!bystanderReports(k, s)) {
      return -1;
    }
    int after = a.skipForward(k + 1, s, i -> a.is(i, WordClass.TEMPORAL) || a.isFiller(i));
    if (after < s.to() && !a.lower(after).equals(",") && a.token(after).word()) {
      return -1;
    }
    int comma =
        a.skipBack(
            k - 1,
            s,
            i ->
                a.token(i).word()
                    && !a.isReporting(i)
                    && a.actorAt[i] == null
                    && (Character.isLowerCase(a.token(i).text().charAt(0))
                        || a.is(i, WordClass.DETERMINER)));
    return comma >= s.from() && a.lower(comma).equals(",") ? comma : -1;
  }

  /** Nothing the cue could govern follows it within its clause: "..., which Kyiv rejects." */
  boolean hasNoObject(Mentions.CueWord cue, Sentence s) {
    int k = a.skipForward(cue.to(), s, i -> a.is(i, WordClass.INTENSIFIER) || a.isAuxiliary(i));
    return k >= s.to()
        || !a.token(k).word()
        || a.lower(k).equals("as")
        || a.is(k, WordClass.BOUNDARY);
  }

  /** A form of "be" stands before the cue, skipping fillers: "was agreed", "is very welcome". */
  boolean followsBe(Mentions.CueWord cue, Sentence s) {
    int k = a.skipBack(cue.from() - 1, s, a::isFiller);
    return k >= s.from() && BE.contains(a.lower(k));
  }

  /**
   * "will never be accepted", "cannot be allowed": a passive that announces what the speaker will
   * do.
   */
  boolean isFuturePassive(Mentions.CueWord cue, Sentence s) {
    int be = a.skipBack(cue.from() - 1, s, a::isFiller);
    for (int k = be - 1; k >= s.from() && (a.isFiller(k) || a.isAuxiliary(k)); k--) {
      if (a.is(k, WordClass.COMMISSIVE)
          || a.is(k, WordClass.MODAL)
          || a.lower(k).startsWith("can")) {
        return true;
      }
    }
    return false;
  }

  /** "the plan was agreed": a form of "be" and a participle, with its agent perhaps unnamed. */
  boolean isPassive(Mentions.CueWord cue, Sentence s) {
    return followsBe(cue, s) && a.lower(cue.to() - 1).endsWith("ed");
  }
}
