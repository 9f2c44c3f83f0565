package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cues after an issue mention that point back at it: agents ("welcomed by Europe but rejected by
 * Moscow"), a relative clause after a list ("... — terms Kyiv rejected") or an evaluation ("could
 * serve as a basis", held by whoever reported it).
 */
record RightCues(
    ArticleAnalysis a,
    ClauseRoles roles,
    HolderFinder holders,
    CuePolarity polarity,
    ListItems lists) {

  /** After "must", what the mention is to undergo or do: "must be held", "must come first". */
  private static final Set<String> EVENT_VERBS =
      Set.of("be", "come", "happen", "take", "start", "begin", "precede", "follow");

  /** How many tokens after the mention a cue may stand. */
  private static final int REACH = 40;

  /**
   * A cue pointing back at the mention, with its own holder, or null when whoever reports it holds
   * it.
   */
  record RightCue(List<CueHit> hits, Holder holder) {

    /** The cues from the innermost to the one the holder voices. */
    RightCue {
      hits = List.copyOf(hits);
    }

    RightCue(CueHit hit, Holder holder) {
      this(List.of(hit), holder);
    }
  }

  /**
   * Any number of agents, or one relative clause or evaluation. Empty when the next cue governs
   * something else, so "Russia wants Donbas and Ukraine rejects the plan" does not pair Donbas with
   * Ukraine.
   */
  List<RightCue> after(Mentions.Issue m, Sentence s) {
    List<RightCue> agents = new ArrayList<>();
    boolean passedReport = false;
    boolean adverbial = inAdverbialClause(m, s);
    int j = m.to();
    int listEnd = m.to(); // "abandon its NATO bid and limit its army, conditions Kyiv rejected"
    while (j < s.to() && j - m.to() <= REACH) {
      if (a.opensFrame(j, s)) {
        // "demanded a withdrawal as part of any deal brokered by Trump": the cues after "as part
        // of" are the frame's, not the mention's
        break;
      }
      if (adverbial && a.is(j, WordClass.SOFT_BOUNDARY)) {
        break; // "deploy forces once a deal is reached – a proposal Russia rejected": the main
        // clause's
      }
      if (a.issueAt[j] != null) {
        j = a.issueAt[j].to();
        listEnd = j;
        continue;
      }
      if (a.is(j, WordClass.BOUNDARY)) {
        if (!isTimePhrase(j, s)) {
          break;
        }
        j++; // "a ceasefire before a settlement is not on the table": a time phrase, not a new
        // clause
        continue;
      }
      Mentions.CueWord cue = a.cueAt[j];
      if (cue == null) {
        passedReport |= a.isReporting(j);
        j++;
        continue;
      }
      if (headsApposition(listEnd, cue, s)) {
        j = cue.to(); // "conditions" in "..., conditions that Kyiv rejected" names, it holds
        // nothing
        continue;
      }
      if (headsAdverbial(cue, s)) {
        break; // "on Ukraine's insistence, US representatives met ...": it governs what follows
      }
      Holder agent = holders.agentAfter(cue, s);
      agent = agent != null ? agent : holders.relativeSubjectAfter(cue, s);
      agent = agent != null ? agent : relativeClauseSubject(listEnd, cue, s);
      if (agent != null) {
        agents.add(new RightCue(withWhatIsTold(cue, s), agent));
        j = cue.to();
        continue;
      }
      if (!agents.isEmpty()) {
        break;
      }
      // "Moscow made the lifting of sanctions a central demand": the cue completes the naming
      // verb's object.
      boolean complement = cue.cue().evaluative() || isNounPhrase(cue, s);
      Holder namer =
          !complement
              ? null
              : noPartyBetween(m.to(), cue.from()) ? namerBefore(m, s) : namerOfJudgement(cue, s);
      if (namer != null) {
        return List.of(new RightCue(polarity.hit(cue, s), namer));
      }
      Holder subject = holders.subjectBefore(cue, s);
      if (subject == HolderFinder.NOBODY) {
        break;
      }
      if (subject != null && subject.isDocument()) {
        subject =
            null; // "the U.S. proposal could serve as a basis": the document is what is judged
      }
      if (subject != null && cue.cue().deontic()) {
        break; // "..., arguing that Kyiv must play ball": Kyiv is told, and about its own verb
      }
      if (subject != null) {
        return roles.hasNoObject(cue, s)
            ? List.of(new RightCue(polarity.hit(cue, s), subject))
            : List.of();
      }
      int listItem = lists.issueRightAfter(cue, s);
      if (listItem >= 0) {
        if (a.skipForward(m.to(), s, a::isAuxiliary) == cue.from()) {
          break; // "the framework envisages X, something Europe resists": the mention is the
          // subject, X is resisted
        }
        j = listItem; // "..., and permanently block NATO membership — terms Kyiv rejected"
        continue;
      }
      if (cue.cue().deontic()
          && isEventAfter(cue, s)
          && a.skipForward(m.to(), s, i -> a.cueAt[i] == null && a.isAuxiliary(i)) == cue.from()) {
        return List.of(
            new RightCue(
                polarity.hit(cue, s), null)); // "new elections must be held": the speaker's demand
      }
      if (roles.isPassive(cue, s)) {
        if (roles.isFuturePassive(cue, s)) {
          return List.of(
              new RightCue(
                  polarity.hit(cue, s),
                  null)); // "troops will never be accepted": the speaker's refusal
        }
        j = cue.to(); // "the plan was agreed during talks": nobody named, keep looking
        continue;
      }
      // "was a possible starting point", "have been detailed and productive": fillers and
      // adjectives may stand between the verb and the judgement
      int before =
          a.skipBack(
              cue.from() - 1,
              s,
              i ->
                  a.isFiller(i)
                      || (cue.from() - i <= 3 && a.lower(i).equals("and"))
                      || (cue.from() - i <= 3
                          && a.isLowercaseContentWord(i)
                          && !a.is(i, WordClass.PREDICATOR)));
      // "“No agreement,” Peskov said, adding that a truce was off the table": the judgement is of
      // the truce.
      if (cue.cue().evaluative()
          && !passedReport
          && before >= s.from()
          && a.is(before, WordClass.PREDICATOR)) {
        return List.of(new RightCue(polarity.hit(cue, s), null));
      }
      break;
    }
    return agents;
  }

  /**
   * The cue, after the cue of what it tells a party to do when it is a directive and that cue has
   * no object of its own ("a plan that Washington pressed Kyiv to reject": Washington is against
   * the plan).
   */
  private List<CueHit> withWhatIsTold(Mentions.CueWord cue, Sentence s) {
    CueHit hit = polarity.hit(cue, s);
    Mentions.Actor told = cue.cue().directive() && cue.to() < s.to() ? a.actorAt[cue.to()] : null;
    int to = told == null ? s.to() : told.to();
    if (to + 1 >= s.to() || !a.lower(to).equals("to")) {
      return List.of(hit);
    }
    Mentions.CueWord act = a.cueAt[to + 1];
    return act != null && act.from() == to + 1 && roles.hasNoObject(act, s)
        ? List.of(polarity.hit(act, s), hit)
        : List.of(hit);
  }

  /**
   * "a firm condition", "its central demand": a cue noun completing an object, not a verb of its
   * own clause.
   */
  private boolean isNounPhrase(Mentions.CueWord cue, Sentence s) {
    int before = a.skipBack(cue.from() - 1, s, a::isLowercaseContentWord);
    return before >= s.from() && a.is(before, WordClass.DETERMINER);
  }

  private boolean noPartyBetween(int from, int to) {
    for (int i = from; i < to; i++) {
      if (a.actorAt[i] != null || a.isPronoun(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * "Moscow has called [any use of the assets] theft": the subject of a naming verb right before
   * the mention.
   */
  private Holder namerBefore(Mentions.Issue m, Sentence s) {
    int verb =
        a.skipBack(
            m.from() - 1,
            s,
            i ->
                a.is(i, WordClass.DETERMINER)
                    || isPossessor(i)
                    || (m.from() - i <= 2
                        && a.isLowercaseContentWord(i)
                        && !a.is(i, WordClass.NAMING)));
    if (verb < s.from() || !a.is(verb, WordClass.NAMING)) {
      return null;
    }
    return subjectOf(verb, s);
  }

  /** "called Ukraine's withdrawal unacceptable": a party owning the mention, part of it. */
  private boolean isPossessor(int i) {
    Mentions.Actor actor = a.actorAt[i];
    return actor != null && a.token(actor.to() - 1).possessive();
  }

  /**
   * "troops, a prospect the Kremlin has described as unacceptable": a relative clause naming the
   * mention.
   */
  private Holder namerOfJudgement(Mentions.CueWord cue, Sentence s) {
    if (!cue.cue().evaluative()) {
      return null;
    }
    int verb = judgedBy(cue, s);
    return verb >= s.from() ? subjectOf(verb, s) : null;
  }

  /**
   * The naming verb of "described as unacceptable", "deems a \"non-starter\"": past "as", an
   * article and quotes; -1 when the evaluation follows no such verb.
   */
  private int judgedBy(Mentions.CueWord cue, Sentence s) {
    int verb =
        a.skipBack(
            cue.from() - 1,
            s,
            i -> a.lower(i).equals("as") || a.is(i, WordClass.DETERMINER) || !a.token(i).word());
    return verb >= s.from() && a.is(verb, WordClass.NAMING) ? verb : -1;
  }

  private Holder subjectOf(int verb, Sentence s) {
    int subject = a.skipBack(verb - 1, s, a::isAuxiliary);
    Holder holder = subject >= s.from() ? holders.holderEndingAt(subject, s) : null;
    return holder == HolderFinder.NOBODY ? null : holder;
  }

  /**
   * "new elections must be held", "a ceasefire must come first": what the mention must undergo or
   * do is to happen, not an act of a party.
   */
  private boolean isEventAfter(Mentions.CueWord cue, Sentence s) {
    return cue.to() < s.to() && EVENT_VERBS.contains(a.lower(cue.to()));
  }

  /**
   * "frozen Russian assets that Europe wants to use": the mention is the object of the relative
   * clause right after it, whose subject holds the stance.
   */
  private Holder relativeClauseSubject(int end, Mentions.CueWord cue, Sentence s) {
    Mentions.Actor actor = relativeSubjectAt(afterAppositiveHead(end, s), s);
    if (actor == null || a.token(actor.to() - 1).possessive()) {
      return null;
    }
    Mentions.Actor last = lastCoordinated(actor, s);
    int verb = verbAfter(last, s);
    boolean holds =
        (verb == cue.from() && !cue.cue().deontic())
            || (cue.cue().evaluative() && verb == judgedBy(cue, s));
    if (!holds) {
      return null;
    }
    // "that Ukraine, its European allies and Washington have all urged": all of them hold it
    Holder all = last == actor ? null : holders.holderEndingAt(last.to() - 1, s);
    return all != null && all != HolderFinder.NOBODY ? all : holders.explicit(actor);
  }

  /** The last party of a list that begins with {@code actor} ("Ukraine, its allies and the US"). */
  private Mentions.Actor lastCoordinated(Mentions.Actor actor, Sentence s) {
    Mentions.Actor last = actor;
    while (last.to() < s.to() && ClauseRoles.COORDINATORS.contains(a.lower(last.to()))) {
      int next =
          a.skipForward(
              last.to() + 1,
              s,
              i -> a.is(i, WordClass.DETERMINER) || ClauseRoles.COORDINATORS.contains(a.lower(i)));
      Mentions.Actor other = next < s.to() ? a.actorAt[next] : null;
      if (other == null || other.from() != next) {
        break;
      }
      last = other;
    }
    return last;
  }

  /**
   * "..., conditions that Kyiv has rejected": past the noun that sums up the mention, where its
   * relative clause begins; {@code end} (where the mention or its list ends) when no such noun
   * follows.
   */
  private int afterAppositiveHead(int end, Sentence s) {
    // "withdrawal from the Donbas region, a condition ...": the mention's noun may end the phrase
    int k = a.skipForward(end, s, i -> i < end + 2 && a.isLowercaseContentWord(i));
    k = pastParenthesis(k, s); // "Donbas (Donetsk and Luhansk), a demand ..."
    if (k >= s.to() || !ClauseRoles.APPOSITION_MARKS.contains(a.lower(k))) {
      return end;
    }
    int head = a.skipForward(k + 1, s, i -> a.is(i, WordClass.DETERMINER));
    int words = 0;
    while (head < s.to()
        && words < 2
        && (a.isLowercaseContentWord(head) || a.cueAt[head] != null)
        && a.issueAt[head] == null) {
      head++;
      words++;
    }
    return words > 0 ? head : end;
  }

  /** Past a short parenthesis opening at k; k itself when none opens there. */
  private int pastParenthesis(int k, Sentence s) {
    if (k >= s.to() || !a.lower(k).equals("(")) {
      return k;
    }
    for (int i = k + 1; i < s.to() && i <= k + 8; i++) {
      if (a.lower(i).equals(")")) {
        return i + 1;
      }
    }
    return k;
  }

  /** The cue noun opens an apposition whose relative clause has a stance of its own. */
  private boolean headsApposition(int end, Mentions.CueWord cue, Sentence s) {
    int head = afterAppositiveHead(end, s);
    if (head == end || cue.from() >= head) {
      return false;
    }
    Mentions.Actor actor = relativeSubjectAt(head, s);
    int verb = actor == null ? s.to() : verbAfter(actor, s);
    return verb < s.to() && (a.cueAt[verb] != null || namesJudgement(verb, s));
  }

  /** "a demand Ukraine deems a \"non-starter\"": the verb names an evaluation right after it. */
  private boolean namesJudgement(int verb, Sentence s) {
    if (!a.is(verb, WordClass.NAMING)) {
      return false;
    }
    int k = verb + 1;
    while (k < s.to() && k - verb <= 4 && a.cueAt[k] == null) {
      k++;
    }
    return k < s.to()
        && a.cueAt[k] != null
        && a.cueAt[k].cue().evaluative()
        && judgedBy(a.cueAt[k], s) == verb;
  }

  /** The party opening a relative clause at token k, after "that" or "which" if there is one. */
  private Mentions.Actor relativeSubjectAt(int k, Sentence s) {
    if (k + 1 < s.to() && a.lower(k).equals(",") && a.lower(k + 1).equals("which")) {
      k++; // "the plant, which Moscow wants to keep"
    }
    if (k < s.to() && (a.lower(k).equals("that") || a.lower(k).equals("which"))) {
      k++;
    }
    Mentions.Actor actor = k < s.to() ? a.actorAt[k] : null;
    return actor != null && actor.from() == k ? actor : null;
  }

  /** Where the verb of the party's clause stands, past auxiliaries and intensifiers. */
  private int verbAfter(Mentions.Actor actor, Sentence s) {
    return a.skipForward(
        actor.to(),
        s,
        i ->
            a.isAuxiliary(i)
                || a.is(i, WordClass.INTENSIFIER)
                || a.lower(i).endsWith("ly")
                || ClauseRoles.FLOATING_QUANTIFIERS.contains(a.lower(i)));
  }

  private boolean headsAdverbial(Mentions.CueWord cue, Sentence s) {
    int k = cue.from() - 1;
    if (k >= s.from() && a.actorAt[k] != null) {
      k = a.actorAt[k].from() - 1;
    } else if (k >= s.from() && a.isPronoun(k)) {
      k--;
    }
    return k >= s.from() && (a.lower(k).equals("on") || a.lower(k).equals("at"));
  }

  /** The mention sits in a clause opened by "once", "when", "after": it dates the main clause. */
  private boolean inAdverbialClause(Mentions.Issue m, Sentence s) {
    for (int k = m.from() - 1; k >= s.from() && !a.is(k, WordClass.SOFT_BOUNDARY); k--) {
      if (a.is(k, WordClass.BOUNDARY)) {
        return true;
      }
    }
    return false;
  }

  /** "before a settlement", "after the elections": a boundary word used as a preposition. */
  private boolean isTimePhrase(int j, Sentence s) {
    int next = a.skipForward(j + 1, s, i -> !a.token(i).word());
    String w = a.lower(j);
    return (w.equals("before") || w.equals("after"))
        && next < s.to()
        && a.is(next, WordClass.DETERMINER);
  }
}
