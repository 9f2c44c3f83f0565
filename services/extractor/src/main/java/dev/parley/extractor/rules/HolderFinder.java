package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import dev.parley.extractor.text.Token;
import java.util.List;
import java.util.Set;

/**
 * Finds the party that governs a cue: its agent ("rejected by Kyiv"), its subject or possessor
 * ("Kyiv has long refused", "Moscow's demands"), or the main subject a participle hangs from ("X
 * warned ..., cautioning against"), with parties coordinated to it.
 */
record HolderFinder(
    ArticleAnalysis a, ClauseRoles roles, PronounResolver pronouns, Documents documents) {

  /**
   * A subject that is no party ("analysts say", "some Muscovites expressed hope"): nobody to
   * attribute to.
   */
  static final Holder NOBODY = new Holder(List.of(), "", -1, Holder.Kind.EXPLICIT);

  private static final Set<String> PARTICIPLE_LINKS =
      Set.of(",", "but", "and", "while", "also", "—", "–");

  /**
   * A holder belonging to the cue itself: its agent, its subject or possessor, or its participle's
   * subject.
   */
  Holder ownHolder(Mentions.CueWord cue, Sentence s) {
    Holder agent = agentAfter(cue, s);
    if (agent != null) {
      return agent;
    }
    Holder subject = subjectBefore(cue, s);
    return subject != null ? subject : participleSubject(cue, s);
  }

  /**
   * "rejected by Kyiv", "criticism from European capitals", "agreed with Kyiv", "unacceptable to
   * Moscow".
   */
  Holder agentAfter(Mentions.CueWord cue, Sentence s) {
    int k = cue.to();
    if (k >= s.to()) {
      return null;
    }
    String word = a.lower(k);
    boolean judgedFor = (word.equals("to") || word.equals("for")) && cue.cue().evaluative();
    boolean agentWord =
        word.equals("by")
            || word.equals("from")
            || (word.equals("with") && roles.followsBe(cue, s))
            || judgedFor;
    if (!agentWord) {
      return null;
    }
    k = a.skipForward(k + 1, s, i -> a.is(i, WordClass.DETERMINER));
    if (k >= s.to()) {
      return null;
    }
    Mentions.Actor actor = a.actorAt[k];
    if (judgedFor && (actor == null || a.token(actor.to() - 1).possessive())) {
      return null; // "a good basis for Ukraine's security": a beneficiary, not who judges
    }
    if (actor != null && actor.from() == k) {
      return coordinatedRight(actor, s);
    }
    return pronouns.resolve(k);
  }

  /**
   * "a demand Moscow has made repeatedly", "the conditions Kyiv set": the subject of a relative
   * clause on a cue noun.
   */
  Holder relativeSubjectAfter(Mentions.CueWord cue, Sentence s) {
    int before = cue.from() - 1;
    if (before < s.from() || !a.is(before, WordClass.DETERMINER) || cue.to() >= s.to()) {
      return null;
    }
    Mentions.Actor actor = a.actorAt[cue.to()];
    if (actor == null || actor.from() != cue.to() || a.token(actor.to() - 1).possessive()) {
      return null;
    }
    int verb = a.skipForward(actor.to(), s, a::isAuxiliary);
    boolean isVerb =
        verb < s.to()
            && a.token(verb).word()
            && a.cueAt[verb] == null
            && a.issueAt[verb] == null
            && !a.isFunctionWord(verb);
    return isVerb ? explicit(actor) : null;
  }

  /**
   * "Kyiv has repeatedly rejected", "U.S.-backed", "Moscow's core demands", "his demands", "Kyiv's
   * plan calls for".
   */
  Holder subjectBefore(Mentions.CueWord cue, Sentence s) {
    int first = cue.from();
    if (first - 2 >= s.from()
        && a.token(first).attached()
        && a.lower(first - 1).equals("-")
        && a.actorAt[first - 2] != null) {
      return explicit(a.actorAt[first - 2]); // "U.S.-backed", "Kremlin-drafted"
    }
    int k =
        a.skipBack(
            first - 1,
            s,
            i ->
                (a.isAuxiliary(i)
                        || ClauseRoles.FLOATING_QUANTIFIERS.contains(a.lower(i))
                        || a.is(i, WordClass.TEMPORAL)
                        || a.is(i, WordClass.INTENSIFIER)
                        || (a.lower(i).endsWith("ly") && a.token(i).word()))
                    && a.actorAt[i] == null);
    if (k < s.from()) {
      return null;
    }
    Holder antecedent = relativeAntecedent(k, s);
    if (antecedent != null) {
      return antecedent;
    }
    Holder named = holderEndingAt(k, s);
    if (named != null) {
      return named;
    }
    if (documents.ownerAt(k) != null) {
      return documents.ownerAt(k);
    }
    if (roles.isBystander(k, s) || nounBeforeParticiple(cue, k, s)) {
      return NOBODY;
    }
    // A possessor may stand before a few words: "Kyiv's longstanding position against",
    // "Washington's ability to pressure".
    for (int skipped = 0; skipped < 5 && k >= s.from(); skipped++, k--) {
      if (roles.isPossessor(k)) {
        return a.actorAt[k] != null ? explicit(a.actorAt[k]) : pronouns.resolve(k);
      }
      Token t = a.token(k);
      boolean adjectiveLike =
          a.isLowercaseContentWord(k) || t.text().equals("-") || t.lower().equals("to");
      if (!adjectiveLike) {
        return null;
      }
    }
    return null;
  }

  /**
   * "the sensitive points still blocking a ceasefire": a thing, no party, does what the cue says.
   */
  private boolean nounBeforeParticiple(Mentions.CueWord cue, int k, Sentence s) {
    if (!a.lower(cue.from()).endsWith("ing")
        || cue.to() - cue.from() != 1 // "a possible starting point" is a noun phrase
        || !a.isLowercaseContentWord(k)
        || a.cueAt[k] != null
        || a.issueAt[k] != null
        || a.isReporting(k)
        || a.is(k, WordClass.DOCUMENT)) {
      return false;
    }
    // a noun phrase begins with its determiner: "the most sensitive points", not "would keep"
    int j = k - 1;
    for (int words = 0; words < 3 && j >= s.from() && a.isLowercaseContentWord(j); words++) {
      j--;
    }
    return j >= s.from() && a.is(j, WordClass.DETERMINER);
  }

  /**
   * "accused Russia, which has rejected calls for a ceasefire": the party a relative clause hangs
   * from holds its stance, whatever its role in the main clause.
   */
  private Holder relativeAntecedent(int k, Sentence s) {
    String word = a.lower(k);
    if (!word.equals("which") && !word.equals("who")) {
      return null;
    }
    int before = k - 1 >= s.from() && a.lower(k - 1).equals(",") ? k - 2 : k - 1;
    if (before < s.from() || a.issueAt[before] != null) {
      return null;
    }
    Mentions.Actor actor = a.actorAt[before];
    return actor != null && !a.token(actor.to() - 1).possessive() ? explicit(actor) : null;
  }

  /**
   * "Kallas warned ..., calling this week pivotal but cautioning against ...", "Russia angered Kyiv
   * by demanding ...": the main subject, not the object between it and the participle.
   */
  private Holder participleSubject(Mentions.CueWord cue, Sentence s) {
    if (!a.lower(cue.from()).endsWith("ing")) {
      return null;
    }
    int k = a.skipBack(cue.from() - 1, s, i -> a.lower(i).endsWith("ly"));
    boolean byMeans = k >= s.from() && a.lower(k).equals("by") && objectBefore(k, s);
    if (k < s.from() || !(byMeans || PARTICIPLE_LINKS.contains(a.lower(k)))) {
      return null;
    }
    if (byMeans && a.is(s.from(), WordClass.DETERMINER) && k > s.from() + 1) {
      // "The original draft surprised Ukraine by proposing ...": the document's owner, or nobody
      for (int i = s.from() + 1; i < Math.min(k, s.from() + 5); i++) {
        if (a.is(i, WordClass.DOCUMENT) && !a.is(i + 1, WordClass.DOCUMENT)) {
          Holder owner = documents.ownerAt(i);
          return owner != null ? owner : NOBODY;
        }
      }
    }
    Mentions.Quote quote = a.quoteAt[s.from()];
    if (quote != null && quote.speaker() != null && quote.speaker().from() < cue.from()) {
      return new Holder(
          quote.speaker().actors(),
          quote.speaker().text(),
          quote.speaker().from(),
          Holder.Kind.PARTICIPLE);
    }
    // "Sybiha said Washington has confirmed it is prepared to ..., while ruling out troops": the
    // subject of the nearest reporting verb that has a party for subject, else the sentence's
    for (int i = k - 1; i > s.from(); i--) {
      int subject = a.skipBack(i - 1, s, a::isAuxiliary);
      Mentions.Actor actor = subject >= s.from() ? a.actorAt[subject] : null;
      if (a.isReporting(i) && actor != null && a.issueAt[subject] == null) {
        return new Holder(actor.actors(), actor.text(), actor.from(), Holder.Kind.PARTICIPLE);
      }
    }
    for (int i = s.from(); i < cue.from(); i++) {
      Mentions.Actor actor = a.actorAt[i];
      if (actor != null && actor.from() == i && a.issueAt[i] == null && !roles.isObject(i, s)) {
        return new Holder(actor.actors(), actor.text(), i, Holder.Kind.PARTICIPLE);
      }
    }
    return null;
  }

  /** A party is named just before "by": the object of the verb the participle explains. */
  private boolean objectBefore(int by, Sentence s) {
    for (int i = by - 1; i >= Math.max(s.from(), by - 4); i--) {
      if (a.actorAt[i] != null && a.issueAt[i] == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The party named by the actor mention or pronoun that ends at token i, unless it is an object or
   * owns something other than a stance or a spokesperson ("Zelensky's mandate had expired").
   */
  Holder holderEndingAt(int i, Sentence s) {
    if (roles.isPossessor(i) && !roles.ownsStanceOrSpeaker(i, s)) {
      return null;
    }
    Mentions.Actor actor = a.actorAt[i];
    if (actor != null) {
      if (a.issueAt[i] != null
          || roles.isObject(actor.from(), s)
          || roles.modifiesIssue(actor, s)
          || isCompoundModifier(actor, s)) {
        return null;
      }
      return coordinatedLeft(actor, s);
    }
    return a.isPronoun(i) && !roles.isObject(i, s) ? pronouns.resolve(i) : null;
  }

  /** "the US-led talks", "U.S.-sponsored talks": the party describes a noun, it does not act. */
  private boolean isCompoundModifier(Mentions.Actor actor, Sentence s) {
    return actor.to() + 1 < s.to()
        && a.lower(actor.to()).equals("-")
        && a.token(actor.to()).attached()
        && a.lower(actor.to() + 1).endsWith("ed");
  }

  Holder explicit(Mentions.Actor actor) {
    return new Holder(actor.actors(), actor.text(), actor.from(), Holder.Kind.EXPLICIT);
  }

  /** "Washington and Kyiv are prepared to": both hold the stance. */
  private Holder coordinatedLeft(Mentions.Actor actor, Sentence s) {
    List<String> actors = actor.actors();
    int first = actor.from();
    // "Kyiv and its Western allies": a determiner may stand after the coordinator
    int k = a.skipBack(first - 1, s, i -> a.is(i, WordClass.DETERMINER));
    while (k > s.from() && ClauseRoles.COORDINATORS.contains(a.lower(k))) {
      int before = a.skipBack(k - 1, s, i -> a.is(i, WordClass.DETERMINER) || isCoordinator(i));
      Mentions.Actor other = before >= s.from() ? a.actorAt[before] : null;
      if (other == null || a.issueAt[before] != null || endsClauseBefore(other, first, s)) {
        break; // "annexed by Moscow, and Kiev has refused": Moscow ends another clause
      }
      actors = Holder.joined(actors, other.actors());
      first = other.from();
      k = a.skipBack(first - 1, s, i -> a.is(i, WordClass.DETERMINER));
    }
    return new Holder(
        actors,
        a.text.substring(a.token(first).start(), a.token(actor.to() - 1).end()),
        first,
        Holder.Kind.EXPLICIT);
  }

  /**
   * ", and" after a preposition's object joins clauses, not parties: "annexed by Moscow, and Kiev
   * has refused"; "partners in the US and Europe" stays one group.
   */
  private boolean endsClauseBefore(Mentions.Actor other, int next, Sentence s) {
    boolean comma = false;
    for (int i = other.to(); i < next; i++) {
      comma |= a.lower(i).equals(",");
    }
    return comma && roles.isObject(other.from(), s);
  }

  /** "rejected by Ukraine and European capitals": both are agents. */
  private Holder coordinatedRight(Mentions.Actor actor, Sentence s) {
    List<String> actors = actor.actors();
    int last = actor.to();
    while (last < s.to() && isCoordinator(last)) {
      // "from U.S. officials, European allies, and Kyiv"
      int next = a.skipForward(last + 1, s, i -> a.is(i, WordClass.DETERMINER) || isCoordinator(i));
      Mentions.Actor other = next < s.to() ? a.actorAt[next] : null;
      if (other == null || other.from() != next) {
        break;
      }
      actors = Holder.joined(actors, other.actors());
      last = other.to();
    }
    return new Holder(
        actors,
        a.text.substring(a.token(actor.from()).start(), a.token(last - 1).end()),
        actor.from(),
        Holder.Kind.EXPLICIT);
  }

  private boolean isCoordinator(int i) {
    return ClauseRoles.COORDINATORS.contains(a.lower(i));
  }
}
