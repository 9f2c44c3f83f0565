package dev.parley.extractor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Attributes each issue mention of one article to the parties that take a stance on it.
 *
 * <p>From an issue mention the finder walks left through its clause collecting stance cues
 * ("refused to accept", "demands that") until it meets the party that governs them; it then
 * looks right for a cue that points back at the mention: a relative clause after a list
 * ("... — terms Kyiv rejected"), a passive or nominal agent ("rejected by Ukraine", "criticism
 * from Kyiv") or an evaluation ("could serve as a basis", said by whoever reported it). The sign
 * is the product of the cues, their negations and the phrase's polarity.
 */
final class PositionFinder {

  static final double MIN_CONFIDENCE = 0.3;
  private static final double BASE_CONFIDENCE = 0.9;
  private static final double ACROSS_CLAUSE = 0.85;
  private static final double FAR_AWAY = 0.85;
  private static final int FAR_TOKENS = 20;
  private static final int RIGHT_REACH = 40;
  private static final double HYPOTHETICAL = 0.5;
  private static final double UNASSERTED = 0.3;
  private static final double MODAL = 0.9;
  private static final double SUPERSEDED = 0.6;
  private static final double QUESTION = 0.5;
  private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "get", "got");
  private static final Set<String> COORDINATORS = Set.of("and", ",", "&");
  private static final Set<String> PARTICIPLE_LINKS = Set.of(",", "but", "and", "while", "also", "—", "–");
  /** A subject that is no party ("analysts say", "some Muscovites expressed hope"): nobody to attribute to. */
  private static final Holder NOBODY = new Holder(List.of(), "", -1, Holder.Kind.EXPLICIT);
  private static final Set<String> ITEM_SEPARATORS = Set.of(",", "and", "or", "—", "–", ";");
  private static final Set<String> FILLERS = Set.of("very", "so", "too", "quite", "also", "still", "even",
      "“", "”", "\"", "a", "an", "the");

  private final ArticleAnalysis a;
  private final Map<String, ExtractedPosition> found = new LinkedHashMap<>();

  private PositionFinder(ArticleAnalysis analysis) {
    this.a = analysis;
  }

  static List<ExtractedPosition> find(ArticleAnalysis analysis) {
    PositionFinder finder = new PositionFinder(analysis);
    for (Mentions.Issue issue : analysis.issues) {
      finder.attribute(issue);
    }
    return List.copyOf(finder.found.values());
  }

  // ----------------------------------------------------------------------------- per mention

  private void attribute(Mentions.Issue m) {
    Sentence s = a.sentenceAt(m.from());
    LeftWalk left = walkLeft(m, s, m.from() - 1, List.of());
    int negator = negatorBefore(m.from(), s);
    boolean issueNegated = negator >= 0;
    if (left.holder != null) {
      emit(left.holder, left.chain, m, issueNegated, s, reach(left, m));
      if (left.possessorIsObject) {
        // "Ukraine rejected Russia's call for neutrality": Russia calls, Ukraine rejects the call.
        LeftWalk outer = walkLeft(m, s, left.holder.token() - 1, left.chain);
        if (outer.holder != null) {
          emit(outer.holder, outer.chain, m, issueNegated, s, reach(outer, m));
        }
      }
    }
    List<RightCue> rights = walkRight(m, s);
    for (RightCue right : rights) {
      List<CueHit> chain = new ArrayList<>(left.holder == null ? left.chain : left.chain.subList(0, left.chain.size() - 1));
      chain.add(right.hit);
      Holder holder = right.holder;
      if (holder == null && !left.blocked) {
        holder = left.holder != null ? left.holder : left.reportedSubject != null ? left.reportedSubject : attribution(s, m);
      }
      if (holder != null) {
        emit(holder, chain, m, issueNegated, s, 1);
      }
    }
    if (!rights.isEmpty() || left.holder != null || left.blocked) {
      return;
    }
    if (!left.chain.isEmpty()) {
      Holder holder = left.reportedSubject != null ? left.reportedSubject : attribution(s, m);
      if (holder != null) {
        emit(holder, left.chain, m, issueNegated, s, 1);
      }
    } else if (issueNegated && left.subject != null) {
      // "Ukraine will never cede territory": the negated act is the subject's refusal.
      boolean strong = a.is(negator, WordClass.STRONG_NEGATOR) || isNoLonger(negator);
      Cue refusal = new Cue(a.lower(negator), strong ? -2 : -1, false, false, 1);
      CueHit hit = new CueHit(new Mentions.CueWord(negator, negator + 1, refusal), false, false, false);
      emit(left.subject, List.of(hit), m, false, s, 1);
    }
  }

  private static double reach(LeftWalk w, Mentions.Issue m) {
    return (w.crossedClause ? ACROSS_CLAUSE : 1) * (m.from() - w.holder.token() > FAR_TOKENS ? FAR_AWAY : 1);
  }

  private static final class LeftWalk {
    /** Cues from the one nearest the mention outwards. */
    final List<CueHit> chain = new ArrayList<>();
    /** The party governing the outermost cue. */
    Holder holder;
    /** Subject of a reporting verb met before any cue: "Putin said [the plan could be a basis]". */
    Holder reportedSubject;
    /** First party met before any cue: the subject of the issue's own verb. */
    Holder subject;
    /** The holder is a possessor inside an object ("rejected Russia's call"): someone further left may govern it. */
    boolean possessorIsObject;
    boolean crossedClause;
    /** The clause belongs to a non-party speaker, so no attribution may be guessed. */
    boolean blocked;
  }

  private LeftWalk walkLeft(Mentions.Issue m, Sentence s, int start, List<CueHit> inner) {
    LeftWalk w = new LeftWalk();
    w.chain.addAll(inner);
    boolean passedReporting = false;
    boolean crossedItem = false;
    boolean passedWords = false;
    boolean skipSubject = false;
    int i = start;
    while (i >= s.from()) {
      if (a.issueAt[i] != null) {
        i = a.issueAt[i].from() - 1; // another item of a list governed by the same cue
        continue;
      }
      Mentions.CueWord cue = a.cueAt[i];
      if (cue != null) {
        // "relinquish A, abandon B, and provide C": "abandon" heads its own list item, not C's.
        boolean otherItemsCue = crossedItem && passedWords && isItemInitial(cue, s);
        if (!otherItemsCue && cue.cue().deontic()) {
          // "The Kremlin said Ukraine must withdraw": the speaker demands, the subject is told.
          w.chain.add(hit(cue, s));
          skipSubject = true;
        } else if (!otherItemsCue) {
          w.chain.add(hit(cue, s));
          Holder own = ownHolder(cue, s);
          if (own == NOBODY) {
            w.blocked = true;
            return w;
          }
          if (own != null) {
            w.holder = own;
            Mentions.Actor possessor = a.actorAt[own.token()];
            w.possessorIsObject = own.kind() == Holder.Kind.EXPLICIT && possessor != null
                && a.token(possessor.to() - 1).possessive() && followsCue(possessor.from(), s);
            return w;
          }
        }
        i = cue.from() - 1;
        continue;
      }
      Holder named = holderEndingAt(i, s);
      if (named != null && skipSubject) {
        skipSubject = false;
      } else if (named != null) {
        if (!w.chain.isEmpty()) {
          w.holder = named;
          return w;
        }
        // A party with no cue yet is the subject of the issue verb ("that Ukraine cede
        // land"), not a stance holder; the stance, if any, comes from further left.
        if (passedReporting && w.reportedSubject == null) {
          w.reportedSubject = named;
        }
        if (w.subject == null && !passedReporting) {
          w.subject = named;
        }
      }
      if (a.actorAt[i] != null) {
        i = a.actorAt[i].from() - 1;
        continue;
      }
      String word = a.lower(i);
      if (a.isReporting(i)) {
        passedReporting = true;
        if (isBystander(skipBack(i - 1, s, this::isAuxiliary), s)) {
          w.blocked = true;
          return w;
        }
      } else if (a.is(i, WordClass.BOUNDARY)) {
        break;
      } else if (a.is(i, WordClass.SOFT_BOUNDARY)) {
        w.crossedClause = true;
      }
      crossedItem |= ITEM_SEPARATORS.contains(word);
      passedWords |= a.token(i).word() && !isFiller(i);
      i--;
    }
    return w;
  }

  private boolean isItemInitial(Mentions.CueWord cue, Sentence s) {
    int k = skipBack(cue.from() - 1, s, this::isFiller);
    return k >= s.from() && ITEM_SEPARATORS.contains(a.lower(k));
  }

  /** A subject that names no party: "Analysts say", "some Muscovites expressed hope". */
  private boolean isBystander(int k, Sentence s) {
    if (k < s.from() || a.actorAt[k] != null || !a.token(k).word() || isFunctionWord(k)
        || a.is(k, WordClass.TEMPORAL)) {
      return false;
    }
    Token t = a.token(k);
    boolean properNoun = Character.isUpperCase(t.text().charAt(0)) && k > s.from() && !t.allCaps();
    return properNoun || a.is(k, WordClass.BYSTANDER);
  }

  private record RightCue(CueHit hit, Holder holder) {
  }

  /**
   * Cues after the mention that point back at it: any number of agents ("welcomed by Europe but
   * rejected by Moscow"), or one relative clause or evaluation. Empty when the next cue governs
   * something else, so "Russia wants Donbas and Ukraine rejects the plan" does not pair Donbas
   * with Ukraine.
   */
  private List<RightCue> walkRight(Mentions.Issue m, Sentence s) {
    List<RightCue> agents = new ArrayList<>();
    int j = m.to();
    while (j < s.to() && j - m.to() <= RIGHT_REACH) {
      if (a.issueAt[j] != null) {
        j = a.issueAt[j].to();
        continue;
      }
      if (a.is(j, WordClass.BOUNDARY)) {
        break;
      }
      Mentions.CueWord cue = a.cueAt[j];
      if (cue == null) {
        j++;
        continue;
      }
      Holder agent = agentAfter(cue, s);
      if (agent != null) {
        agents.add(new RightCue(hit(cue, s), agent));
        j = cue.to();
        continue;
      }
      if (!agents.isEmpty()) {
        break;
      }
      Holder subject = subjectBefore(cue, s);
      if (subject == NOBODY) {
        break;
      }
      if (subject != null) {
        return hasNoObject(cue, s) ? List.of(new RightCue(hit(cue, s), subject)) : List.of();
      }
      int listItem = issueRightAfter(cue, s);
      if (listItem >= 0) {
        j = listItem; // "..., and permanently block NATO membership — terms Kyiv rejected"
        continue;
      }
      int before = skipBack(cue.from() - 1, s, this::isFiller);
      boolean passive = before >= s.from() && BE.contains(a.lower(before)) && a.lower(cue.to() - 1).endsWith("ed");
      if (passive) {
        j = cue.to(); // "the plan was agreed during talks": nobody named, keep looking
        continue;
      }
      if (before >= s.from() && a.is(before, WordClass.PREDICATOR)) {
        return List.of(new RightCue(hit(cue, s), null));
      }
      break;
    }
    return agents;
  }

  /** End of an issue mention starting within three words after the cue, or -1. */
  private int issueRightAfter(Mentions.CueWord cue, Sentence s) {
    for (int k = cue.to(); k < Math.min(s.to(), cue.to() + 3); k++) {
      if (a.issueAt[k] != null) {
        return a.issueAt[k].to();
      }
      if (!a.token(k).word()) {
        return -1;
      }
    }
    return -1;
  }

  // ----------------------------------------------------------------------------- holders

  /** A holder belonging to the cue itself: its agent, its subject or possessor, or its participle's subject. */
  private Holder ownHolder(Mentions.CueWord cue, Sentence s) {
    Holder agent = agentAfter(cue, s);
    if (agent != null) {
      return agent;
    }
    Holder subject = subjectBefore(cue, s);
    return subject != null ? subject : participleSubject(cue, s);
  }

  /** "rejected by Kyiv", "criticism from European capitals", "agreed with Kyiv". */
  private Holder agentAfter(Mentions.CueWord cue, Sentence s) {
    int k = cue.to();
    if (k >= s.to()) {
      return null;
    }
    String word = a.lower(k);
    boolean agentWord = word.equals("by") || word.equals("from")
        || (word.equals("with") && BE.contains(a.lower(skipBack(cue.from() - 1, s, this::isFiller))));
    if (!agentWord) {
      return null;
    }
    k = skipForward(k + 1, s, i -> a.is(i, WordClass.DETERMINER));
    if (k >= s.to()) {
      return null;
    }
    Mentions.Actor actor = a.actorAt[k];
    if (actor != null && actor.from() == k) {
      return coordinatedRight(actor, s);
    }
    return pronoun(k);
  }

  /** "Kyiv has repeatedly rejected", "U.S.-backed", "Moscow's core demands", "his demands". */
  private Holder subjectBefore(Mentions.CueWord cue, Sentence s) {
    int first = cue.from();
    if (first - 2 >= s.from() && a.token(first).attached() && a.lower(first - 1).equals("-")
        && a.actorAt[first - 2] != null) {
      return explicit(a.actorAt[first - 2]); // "U.S.-backed", "Kremlin-drafted"
    }
    int k = skipBack(first - 1, s, i -> (isAuxiliary(i) || a.is(i, WordClass.TEMPORAL)) && a.actorAt[i] == null);
    if (k < s.from()) {
      return null;
    }
    Holder named = holderEndingAt(k, s);
    if (named != null) {
      return named;
    }
    if (isBystander(k, s)) {
      return NOBODY;
    }
    // A possessor may stand before a few words: "Kyiv's longstanding position against",
    // "Washington's ability to pressure".
    for (int skipped = 0; skipped < 4 && k >= s.from(); skipped++, k--) {
      if (isPossessor(k)) {
        return a.actorAt[k] != null ? explicit(a.actorAt[k]) : pronoun(k);
      }
      Token t = a.token(k);
      boolean adjectiveLike = (t.word() && Character.isLowerCase(t.text().charAt(0)) && !isFunctionWord(k))
          || t.text().equals("-") || t.lower().equals("to");
      if (!adjectiveLike) {
        return null;
      }
    }
    return null;
  }

  private Holder explicit(Mentions.Actor actor) {
    return new Holder(actor.actors(), actor.text(), actor.from(), Holder.Kind.EXPLICIT);
  }

  private boolean isPossessor(int k) {
    Token t = a.token(k);
    if (t.possessive() && a.actorAt[k] != null) {
      return true;
    }
    String w = t.lower();
    return w.equals("his") || w.equals("her") || w.equals("its") || w.equals("their") || w.equals("our");
  }

  /** "Kallas warned ..., calling this week pivotal but cautioning against ...": the main subject. */
  private Holder participleSubject(Mentions.CueWord cue, Sentence s) {
    if (!a.lower(cue.from()).endsWith("ing")) {
      return null;
    }
    int k = skipBack(cue.from() - 1, s, i -> a.lower(i).endsWith("ly"));
    if (k < s.from() || !PARTICIPLE_LINKS.contains(a.lower(k))) {
      return null;
    }
    Mentions.Quote quote = a.quoteAt[s.from()];
    if (quote != null && quote.speaker() != null && quote.speaker().from() < cue.from()) {
      return new Holder(quote.speaker().actors(), quote.speaker().text(), quote.speaker().from(), Holder.Kind.PARTICIPLE);
    }
    for (int i = s.from(); i < cue.from(); i++) {
      Mentions.Actor actor = a.actorAt[i];
      if (actor != null && actor.from() == i && a.issueAt[i] == null && !isObject(i, s)) {
        return new Holder(actor.actors(), actor.text(), i, Holder.Kind.PARTICIPLE);
      }
    }
    return null;
  }

  /** The party named by the actor mention or pronoun that ends at token i, unless it is an object. */
  private Holder holderEndingAt(int i, Sentence s) {
    Mentions.Actor actor = a.actorAt[i];
    if (actor != null) {
      if (a.issueAt[i] != null || isObject(actor.from(), s) || modifiesIssue(actor, s)) {
        return null;
      }
      return coordinatedLeft(actor, s);
    }
    return isPronoun(i) && !isObject(i, s) ? pronoun(i) : null;
  }

  private boolean isPronoun(int i) {
    return a.is(i, WordClass.PERSON_PRONOUN) || a.is(i, WordClass.GROUP_PRONOUN) || a.is(i, WordClass.THING_PRONOUN)
        || a.is(i, WordClass.SPEAKER_PRONOUN);
  }

  /** "Washington and Kyiv are prepared to": both hold the stance. */
  private Holder coordinatedLeft(Mentions.Actor actor, Sentence s) {
    List<String> actors = new ArrayList<>(actor.actors());
    int first = actor.from();
    int k = first - 1;
    while (k > s.from() && COORDINATORS.contains(a.lower(k))) {
      int before = skipBack(k - 1, s, i -> a.is(i, WordClass.DETERMINER));
      Mentions.Actor other = before >= s.from() ? a.actorAt[before] : null;
      if (other == null || a.issueAt[before] != null) {
        break;
      }
      addNew(actors, other.actors());
      first = other.from();
      k = first - 1;
    }
    return new Holder(actors, a.text.substring(a.token(first).start(), a.token(actor.to() - 1).end()), first,
        Holder.Kind.EXPLICIT);
  }

  /** "rejected by Ukraine and European capitals": both are agents. */
  private Holder coordinatedRight(Mentions.Actor actor, Sentence s) {
    List<String> actors = new ArrayList<>(actor.actors());
    int last = actor.to();
    while (last < s.to() && COORDINATORS.contains(a.lower(last))) {
      int next = skipForward(last + 1, s, i -> a.is(i, WordClass.DETERMINER));
      Mentions.Actor other = next < s.to() ? a.actorAt[next] : null;
      if (other == null || other.from() != next) {
        break;
      }
      addNew(actors, other.actors());
      last = other.to();
    }
    return new Holder(actors, a.text.substring(a.token(actor.from()).start(), a.token(last - 1).end()),
        actor.from(), Holder.Kind.EXPLICIT);
  }

  private static void addNew(List<String> into, List<String> ids) {
    for (String id : ids) {
      if (!into.contains(id)) {
        into.add(id);
      }
    }
  }

  /**
   * A party named after a preposition, a cue or a verb such as "met" is talked about, not
   * talking: "pushed Kyiv to accept", "talks with Ukrainian officials".
   */
  private boolean isObject(int from, Sentence s) {
    int k = skipBack(from - 1, s, i -> a.is(i, WordClass.DETERMINER));
    if (k < s.from()) {
      return false;
    }
    Token t = a.token(k);
    if (COORDINATORS.contains(t.lower()) && k - 1 >= s.from() && a.actorAt[k - 1] != null) {
      return isObject(a.actorAt[k - 1].from(), s); // "talks with Witkoff and Kushner"
    }
    return a.is(k, WordClass.PREPOSITION) || a.cueAt[k] != null || a.is(k, WordClass.OBJECT_VERB);
  }

  private boolean followsCue(int from, Sentence s) {
    int k = skipBack(from - 1, s, i -> a.is(i, WordClass.DETERMINER));
    return k >= s.from() && a.cueAt[k] != null;
  }

  /** "the U.S. proposal", "Trump's plan": the party names whose plan it is, not who judges it. */
  private boolean modifiesIssue(Mentions.Actor actor, Sentence s) {
    if (actor.to() >= s.to() || a.issueAt[actor.to()] == null) {
      return false;
    }
    return a.token(actor.to() - 1).possessive()
        || (actor.from() > s.from() && a.is(actor.from() - 1, WordClass.DETERMINER));
  }

  /** Resolves he/she/they/it/we at token i to the party it most likely refers to. */
  private Holder pronoun(int i) {
    Mentions.Actor target;
    if (a.is(i, WordClass.SPEAKER_PRONOUN)) {
      Mentions.Quote quote = a.quoteAt[i];
      target = quote == null ? null : quote.speaker();
    } else if (a.is(i, WordClass.PERSON_PRONOUN)) {
      target = lastMention(i, false, Mentions.Actor::person);
    } else if (a.is(i, WordClass.GROUP_PRONOUN)) {
      target = lastMention(i, false, m -> !m.person());
    } else if (a.is(i, WordClass.THING_PRONOUN)) {
      target = nearestInSentence(i);
    } else {
      return null;
    }
    return target == null ? null : new Holder(target.actors(), target.text(), i, Holder.Kind.PRONOUN);
  }

  /** The nearest earlier mention in the paragraph (or sentence) that is a subject, not an object. */
  private Mentions.Actor lastMention(int before, boolean sameSentence, Predicate<Mentions.Actor> kind) {
    Sentence here = a.sentenceAt(before);
    for (int k = a.actors.size() - 1; k >= 0; k--) {
      Mentions.Actor m = a.actors.get(k);
      if (m.to() > before) {
        continue;
      }
      Sentence there = a.sentenceAt(m.from());
      if (sameSentence ? there != here : there.paragraph() != here.paragraph()) {
        return null;
      }
      if (kind.test(m) && a.issueAt[m.from()] == null && !isObject(m.from(), there)) {
        return m;
      }
    }
    return null;
  }

  /** "it"/"its" mostly refers to the closest party in its own sentence, subject or not. */
  private Mentions.Actor nearestInSentence(int before) {
    Sentence here = a.sentenceAt(before);
    for (int k = a.actors.size() - 1; k >= 0; k--) {
      Mentions.Actor m = a.actors.get(k);
      if (m.to() <= before && m.from() >= here.from()) {
        if (!m.person() && a.issueAt[m.from()] == null) {
          return m;
        }
      } else if (m.to() <= before) {
        return null;
      }
    }
    return null;
  }

  /** Who the whole sentence is attributed to: quotation speaker, "according to X", "..., X said". */
  private Holder attribution(Sentence s, Mentions.Issue m) {
    Mentions.Quote quote = a.quoteAt[m.from()];
    if (quote != null && quote.speaker() != null) {
      return attributed(quote.speaker());
    }
    for (int i = s.from(); i + 1 < s.to(); i++) {
      if (a.lower(i).equals("according") && a.lower(i + 1).equals("to")) {
        int k = skipForward(i + 2, s, j -> a.is(j, WordClass.DETERMINER));
        if (k < s.to() && a.actorAt[k] != null) {
          return attributed(a.actorAt[k]);
        }
      }
      if (a.isReporting(i)) {
        Mentions.Actor before = i > s.from() ? a.actorAt[i - 1] : null;
        if (before != null && standsAlone(before.from() - 1, s) && standsAlone(i + 1, s)) {
          return attributed(before); // "..., Putin warned, ..."
        }
        Mentions.Actor after = a.actorAt[i + 1];
        if (after != null && standsAlone(i - 1, s) && standsAlone(after.to(), s)) {
          return attributed(after); // "..., said Peskov."
        }
      }
    }
    return null;
  }

  private Holder attributed(Mentions.Actor actor) {
    return new Holder(actor.actors(), actor.text(), actor.from(), Holder.Kind.ATTRIBUTION);
  }

  /** Token k is outside the sentence or punctuation, so the words next to it form an aside. */
  private boolean standsAlone(int k, Sentence s) {
    return k < s.from() || k >= s.to() || !a.token(k).word()
        || a.lower(k).equals("on") // "said on Monday"
        || (Character.isUpperCase(a.token(k).text().charAt(0)) && a.actorAt[k] == null); // "said Tuesday"
  }

  // ----------------------------------------------------------------------------- stance

  private CueHit hit(Mentions.CueWord cue, Sentence s) {
    boolean negated = false;
    boolean strong = false;
    for (int k = cue.from() - 1; k >= Math.max(s.from(), cue.from() - 3); k--) {
      if (a.actorAt[k] != null || a.issueAt[k] != null || a.cueAt[k] != null) {
        break;
      }
      if (isNegator(k)) {
        negated = true;
        strong = a.is(k, WordClass.STRONG_NEGATOR) || isNoLonger(k);
        break;
      }
    }
    boolean intensified = isIntensifier(cue.from() - 1, s) || isIntensifier(cue.from() - 2, s)
        || isIntensifier(cue.to(), s);
    return new CueHit(cue, negated, strong, intensified);
  }

  /** The negator in "never join NATO", "no finalized peace plan", "without territorial concessions", or -1. */
  private int negatorBefore(int from, Sentence s) {
    for (int k = from - 1; k >= Math.max(s.from(), from - 3); k--) {
      if (a.actorAt[k] != null || a.issueAt[k] != null || a.cueAt[k] != null) {
        return -1;
      }
      if (isNegator(k)) {
        return k;
      }
    }
    return -1;
  }

  private boolean isNegator(int k) {
    String w = a.lower(k);
    boolean notOnly = w.equals("not") && k + 1 < a.tokens.size() && a.lower(k + 1).equals("only");
    return a.is(k, WordClass.NEGATOR) && !notOnly;
  }

  private boolean isNoLonger(int k) {
    return a.lower(k).equals("no") && k + 1 < a.tokens.size() && a.lower(k + 1).equals("longer");
  }

  private boolean isIntensifier(int k, Sentence s) {
    return k >= s.from() && k < s.to() && a.is(k, WordClass.INTENSIFIER);
  }

  private void emit(Holder holder, List<CueHit> chain, Mentions.Issue m, boolean issueNegated, Sentence s,
      double reach) {
    if (chain.isEmpty()) {
      return;
    }
    int sign = m.phrase().polarity() * (issueNegated ? -1 : 1);
    boolean throughNegative = sign < 0;
    double cueWeight = 1;
    for (CueHit h : chain) {
      sign *= h.sign();
      throughNegative |= h.sign() < 0;
      cueWeight = Math.min(cueWeight, h.word().cue().weight());
    }
    CueHit outer = chain.get(chain.size() - 1);
    // Rejecting a ban on NATO membership supports membership, but only mildly.
    int intensity = sign > 0 && throughNegative ? 1 : outer.intensity();
    int from = Math.min(Math.min(holder.token(), m.from()), outer.word().from());
    int to = Math.max(m.to(), outer.word().to());
    double confidence = BASE_CONFIDENCE * holder.kind().trust * m.phrase().weight() * cueWeight * reach
        * circumstances(from, to, m, s);
    if (confidence < MIN_CONFIDENCE) {
      return;
    }
    String sentence = a.text.substring(s.start(), s.end());
    String cue = a.text.substring(a.token(outer.word().from()).start(), a.token(outer.word().to() - 1).end());
    for (String actor : holder.actors()) {
      ExtractedPosition p = new ExtractedPosition(actor, m.phrase().issue(), sign * intensity,
          Math.round(confidence * 1000) / 1000.0, sentence, s.start(), s.end(), cue, holder.words());
      String key = actor + '|' + p.issue() + '|' + p.stance() + '|' + s.start();
      ExtractedPosition previous = found.get(key);
      if (previous == null || previous.confidence() < p.confidence()) {
        found.put(key, p);
      }
    }
  }

  /** Lowers confidence for conditions, questions and superseded drafts around the stance. */
  private double circumstances(int from, int to, Mentions.Issue m, Sentence s) {
    double factor = 1;
    boolean hypothetical = false;
    boolean unasserted = false;
    boolean modal = false;
    boolean superseded = false;
    // Markers introduce the clause, a few words before its subject: "amid fears that the U.S. ...".
    for (int k = Math.max(s.from(), from - 4); k < Math.min(s.to(), to); k++) {
      boolean isModal = a.is(k, WordClass.MODAL);
      boolean perfectModal = isModal && k + 1 < s.to() && a.lower(k + 1).equals("have");
      hypothetical |= a.is(k, WordClass.HYPOTHETICAL) || perfectModal;
      unasserted |= a.is(k, WordClass.UNASSERTED);
      modal |= isModal;
      superseded |= a.is(k, WordClass.SUPERSEDED) && (k >= m.from() - 3 || a.lower(k).endsWith("ly"));
    }
    for (int k = s.from(); k < s.to(); k++) {
      if (a.lower(k).equals("?")) {
        factor *= QUESTION;
        break;
      }
    }
    // "Analysts say Russia will reject ...": a non-party's account of a party is closer to speculation.
    for (int k = s.from(); k < from; k++) {
      if (a.isReporting(k) && isBystander(skipBack(k - 1, s, this::isAuxiliary), s)) {
        factor *= HYPOTHETICAL;
        break;
      }
    }
    double mood = unasserted ? UNASSERTED : hypothetical ? HYPOTHETICAL : modal ? MODAL : 1;
    return factor * mood * (superseded ? SUPERSEDED : 1);
  }

  // ----------------------------------------------------------------------------- word classes

  private boolean hasNoObject(Mentions.CueWord cue, Sentence s) {
    int k = skipForward(cue.to(), s, i -> a.is(i, WordClass.INTENSIFIER) || isAuxiliary(i));
    return k >= s.to() || !a.token(k).word() || a.lower(k).equals("as") || a.is(k, WordClass.BOUNDARY);
  }

  private static final int AUXILIARY_LIKE = WordClass.AUXILIARY.bit | WordClass.NEGATOR.bit | WordClass.INTENSIFIER.bit;
  private static final int FUNCTION_WORD = WordClass.DETERMINER.bit | WordClass.PREPOSITION.bit | WordClass.AUXILIARY.bit
      | WordClass.BOUNDARY.bit | WordClass.SOFT_BOUNDARY.bit | WordClass.NEGATOR.bit;

  private boolean isAuxiliary(int i) {
    return a.isAny(i, AUXILIARY_LIKE);
  }

  private boolean isFiller(int i) {
    String w = a.lower(i);
    return FILLERS.contains(w) || w.endsWith("ly") || a.is(i, WordClass.NEGATOR) || a.is(i, WordClass.INTENSIFIER);
  }

  private boolean isFunctionWord(int i) {
    String w = a.lower(i);
    return a.isAny(i, FUNCTION_WORD) || a.cueAt[i] != null || a.issueAt[i] != null || a.actorAt[i] != null || a.isReporting(i)
        || w.equals("that") || w.equals("to") || w.equals("which") || w.equals("who");
  }

  private int skipBack(int k, Sentence s, IntPredicate skippable) {
    while (k >= s.from() && skippable.test(k)) {
      k--;
    }
    return k;
  }

  private int skipForward(int k, Sentence s, IntPredicate skippable) {
    while (k < s.to() && skippable.test(k)) {
      k++;
    }
    return k;
  }
}
