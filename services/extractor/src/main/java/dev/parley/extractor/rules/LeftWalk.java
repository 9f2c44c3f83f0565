package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What walking left from an issue mention through its clause found: the stance cues met on the way
 * ("refused to accept", "demands that") and the party that governs the outermost of them.
 */
final class LeftWalk {

  /** Cues from the one nearest the mention outwards. */
  final List<CueHit> chain = new ArrayList<>();

  /** The party governing the outermost cue. */
  Holder holder;

  /** Subject of a reporting verb met before any cue: "Putin said [the plan could be a basis]". */
  Holder reportedSubject;

  /** First party, or party's document, met before any cue: the subject of the issue's own verb. */
  Holder subject;

  /**
   * The holder is a possessor inside an object ("rejected Russia's call"): someone further left may
   * govern it.
   */
  boolean possessorIsObject;

  /**
   * Subject of a contrasting clause before "but" that the mention's clause shares ("X is open to
   * talks, but ...").
   */
  Holder sharedSubject;

  boolean crossedClause;

  /** The clause belongs to a non-party speaker, so no attribution may be guessed. */
  boolean blocked;

  private LeftWalk() {}

  /** Walks the clauses of one article. */
  record Walker(
      ArticleAnalysis a,
      ClauseRoles roles,
      HolderFinder holders,
      CuePolarity polarity,
      ListItems lists,
      Documents documents,
      ReferredDemands referred) {

    /**
     * @param start the token to start from, walking left
     * @param inner cues already found nearer the mention, which the walk continues
     */
    LeftWalk walk(Sentence s, int start, List<CueHit> inner) {
      Walk walk = new Walk(s, start, inner);
      for (int i = start; i >= s.from(); ) {
        i = walk.step(i);
      }
      return walk.found;
    }

    /** One walk's progress: what it has passed so far decides what the next token means. */
    private final class Walk {
      /** Returned by a step that has decided: no further token matters. */
      private static final int STOP = Integer.MIN_VALUE;

      /** Prepositions that make what follows the setting of the issue before them. */
      private static final Set<String> FRAMES = Set.of("in", "under", "within");

      /** Open an aside that concedes something: ", though willing to negotiate some terms,". */
      private static final Set<String> CONCESSIVES = Set.of("though", "although", "while");

      /** How long an aside between a subject and its verb may be. */
      private static final int ASIDE_TOKENS = 20;

      /** Prepositions that make what follows a point in time: "after a ceasefire". */
      private static final Set<String> TIME_SETTINGS = Set.of("after", "following");

      /** Nouns for talking about something: "talks on territory" has territory as its topic. */
      private static final Set<String> TOPIC_NOUNS =
          Set.of("talks", "discussions", "discussion", "negotiations", "dialogue", "consultations");

      private static final Set<String> TOPIC_PREPOSITIONS = Set.of("on", "about", "over");

      private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they");

      /** Stems of verbs that blame their object "for" what it did. */
      private static final Set<String> BLAMING =
          Set.of("blam", "critici", "condemn", "fault", "slam", "rebuk", "castigat", "chastis");

      /** What may name a place between an issue and its frame: "in Ukraine", "from Donetsk". */
      private static final Set<String> PLACE_WORDS = Set.of("in", "from", "of", "the");

      private final Sentence s;

      /** Where the walk began, right before the mention. */
      private final int start;

      private final LeftWalk found = new LeftWalk();

      /** The reporting verb passed last, further left than any other passed, or -1. */
      private int reportingVerb = -1;

      private boolean crossedItem;
      private boolean passedWords;
      private boolean crossedBut;

      /** Passed "saying" after the reported clause's own subject: no cue before it governs. */
      private boolean reportedOwnClause;

      /**
       * Passed "saying" right before the mention, which is the reported clause's subject: a cue
       * before it with an object of its own governs that object ("refused to answer questions,
       * arguing a ceasefire must come first"); one without ("pushed back, saying ...") is what the
       * clause explains.
       */
      private boolean reportedMention;

      /** Passed the colon after "three elements of the plan": the mention is one of them. */
      private boolean crossedPartsColon;

      /** Only determiners, modifiers and list items lie between here and the mention. */
      private boolean nearMention = true;

      /** The walk started at a mention, and only determiners and modifiers lie between. */
      private boolean besideMention;

      /**
       * The mention is a verb phrase coordinated with another ("Ukraine abandon its bid and limit
       * its army"): the other's verb is no cue of this one.
       */
      private final boolean ownPredicate;

      /** The first cue starts a coordinated predicate of its own: "..., and demanded B". */
      private boolean opensPredicate;

      /**
       * A deontic cue was met ("must"): its subject is told, not holding; the holder reports it.
       */
      private boolean deontic;

      private boolean skipSubject;
      private boolean reportedSinceDeontic;

      /**
       * Passed "and that" after the issue's own subject: cues before it govern a sibling clause.
       */
      private boolean inSiblingComplement;

      /**
       * The verb of "... and recognizes Russian as an official language", passed before any cue:
       * the mention is its object, and the cues of the predicate before "and" govern their own
       * objects only ("provides for a ban on foreign troops"); -1 until then.
       */
      private int siblingVerb = -1;

      Walk(Sentence s, int start, List<CueHit> inner) {
        this.s = s;
        this.start = start;
        this.besideMention = start + 1 < s.to() && a.issueAt[start + 1] != null;
        this.ownPredicate = besideMention && inner.isEmpty() && opensOwnPredicate(start);
        found.chain.addAll(inner);
      }

      /** Reads token i and returns the next token to read, further left, or {@link #STOP}. */
      int step(int i) {
        int aside = found.chain.isEmpty() ? -1 : concessiveAsideStart(i);
        if (aside >= 0) {
          return aside - 1; // "Ukraine, though willing to negotiate, would never agree to cede"
        }
        Holder document = documents.ownerAt(i);
        if (document != null && crossedPartsColon && found.chain.isEmpty()) {
          return atProposal(documents.proposalCue(i)); // the plan's elements are what it proposes
        }
        if (document != null && !roles.isObject(document.token(), s) && atDocument(document, i)) {
          return STOP;
        }
        Mentions.CueWord proposal = nearMention ? documents.proposalAt(i, s) : null;
        if (proposal != null) {
          return atProposal(proposal);
        }
        if (besideMention && TIME_SETTINGS.contains(a.lower(i))) {
          return STOP; // "guarantees to deter Russia following any ceasefire": when, not what
        }
        if (besideMention && namesTopic(i)) {
          // "insist that discussions on territorial swaps wait": talked about, not wanted
          return STOP;
        }
        if (besideMention && framesIssueBefore(i)) {
          return STOP; // "demands all of Donbas in its peace plan": where it is demanded, not what
        }
        besideMention &= modifiesMention(i);
        nearMention &=
            a.issueAt[i] != null
                || ListItems.SEPARATORS.contains(a.lower(i))
                || a.is(i, WordClass.DETERMINER)
                || (a.token(i).word() && !a.isFunctionWord(i) && !a.is(i, WordClass.PREDICATOR));
        if (a.issueAt[i] != null) {
          return a.issueAt[i].from() - 1; // another item of a list governed by the same cue
        }
        if (a.cueAt[i] != null) {
          // "said Europe should stop pretending it has a veto and that Ukraine will not join NATO"
          return inSiblingComplement ? a.cueAt[i].from() - 1 : atCue(a.cueAt[i]);
        }
        Holder named = holders.holderEndingAt(i, s);
        if (named != null && atParty(named)) {
          return STOP;
        }
        if (named == null && isUnresolvedSubject(i)) {
          found.blocked = true; // "“He wants us to withdraw,” Zelensky said": he is not Zelensky
          return STOP;
        }
        if (a.actorAt[i] != null) {
          int accusing = accusingVerb(a.actorAt[i]);
          if (accusing >= 0) {
            found.holder = holders.explicit(a.actorAt[i]); // "accused Moscow of rejecting a truce"
            // "criticized Moscow for rejecting a truce": the critic's own cue judges the rejection
            found.possessorIsObject = a.cueAt[accusing] != null;
            return STOP;
          }
          return a.actorAt[i].from() - 1;
        }
        return atWord(i);
      }

      /**
       * @return whether the walk is decided
       */
      private boolean atDocument(Holder document, int noun) {
        if (siblingVerb >= 0 && found.chain.isEmpty()) {
          found.chain.add(polarity.hit(documents.proposalCue(siblingVerb), s));
          found.holder = document; // "the plan bans X and recognizes Y": the plan proposes Y
          return true;
        }
        if (!found.chain.isEmpty() && (!deontic || reportedSinceDeontic)) {
          found.holder = document; // "A draft of the U.S. framework seen by Reuters proposes ..."
          return true;
        }
        if (found.chain.isEmpty() && found.subject == null && !passedReporting()) {
          found.subject = document; // "the American draft caps the army"
        }
        if (found.chain.isEmpty() && reportsItself(noun)) {
          // "the U.S. plan states that Ukraine will not join NATO", "a counter-proposal,
          // suggesting a ceasefire": what a document says is what it proposes
          found.chain.add(polarity.hit(documents.proposalCue(noun), s));
          found.holder = document;
          return true;
        }
        return false;
      }

      private boolean passedReporting() {
        return reportingVerb >= 0;
      }

      /**
       * "the plan states", "the draft, suggesting": the document is the reporting verb's subject.
       */
      private boolean reportsItself(int noun) {
        int verb =
            a.skipForward(
                noun + 1, s, k -> a.isAuxiliary(k) || a.isFiller(k) || a.lower(k).equals(","));
        return passedReporting() && verb == reportingVerb && found.reportedSubject == null;
      }

      /** "the EU's plan for a reparations loan", "plans for a multinational force". */
      private int atProposal(Mentions.CueWord proposal) {
        found.chain.add(polarity.hit(proposal, s));
        Holder own = documents.ownerAt(proposal.from());
        own = own != null ? own : holders.ownHolder(proposal, s);
        if (own != null && own != HolderFinder.NOBODY) {
          found.holder = own;
          found.possessorIsObject = ownerInsideObject(own, s);
          return STOP;
        }
        return proposal.from() - 1;
      }

      private int atCue(Mentions.CueWord cue) {
        if (passedReporting()
            && (!found.chain.isEmpty()
                || reportedOwnClause
                || (reportedMention && !roles.hasNoObject(cue, s)))) {
          // "blamed X for delaying, and said it is time for Y": the cue is another clause's
          return cue.from() - 1;
        }
        if (closesApposition(cue)) {
          return STOP; // "X, something Zelensky has ruled out, reduces Y": the cue's object is X
        }
        if (siblingVerb >= 0 && found.chain.isEmpty()) {
          return cue.from() - 1; // "bans X and recognizes Y": "bans" is not Y's cue
        }
        if (complementsCue(cue)) {
          return cue.from() - 1; // "rejected as unacceptable": one judgement, not two
        }
        if (found.chain.isEmpty() && !opensPredicate && judgesClaim(cue)) {
          found.blocked = true; // "rejected the characterization, writing that the plan ..."
          return STOP;
        }
        if (referred.hasAnaphoricObject(cue, s)) {
          return STOP; // "refused to do so, seeking ...": the cue's object is behind it, not this
          // mention
        }
        if (crossedBut && lists.takesOwnObject(cue, s)) {
          // "Moscow is open to talks, but NATO expansion remains a red line": the cue has its own
          // object in the clause before "but"; only its subject carries over.
          Holder own = holders.ownHolder(cue, s);
          if (own != null && own != HolderFinder.NOBODY) {
            if (!found.chain.isEmpty()) {
              found.holder = own;
              return STOP;
            }
            found.subject = found.subject != null ? found.subject : own;
            found.sharedSubject = own;
          }
          return cue.from() - 1;
        }
        // "relinquish A, abandon B, and provide C": "abandon" heads its own list item, not C's;
        // "abandon its bid to join NATO and limit its army": "abandon" has an issue of its own.
        boolean otherItemsCue =
            crossedItem
                && ((passedWords && lists.isItemInitial(cue, s))
                    || (ownPredicate && found.chain.isEmpty() && lists.issueAfter(cue, s, 5) >= 0));
        if (otherItemsCue) {
          return cue.from() - 1;
        }
        if (opensPredicate && lists.takesOwnObject(cue, s)) {
          // "rejected A and demanded B": a sibling predicate shares its subject, not its stance.
          Holder own = holders.ownHolder(cue, s);
          if (own != null && own != HolderFinder.NOBODY) {
            found.holder = own;
            return STOP;
          }
          return cue.from() - 1;
        }
        if (found.chain.isEmpty()) {
          opensPredicate = lists.opensPredicate(cue, s);
        }
        found.chain.add(polarity.hit(cue, s));
        if (cue.cue().deontic() || isToldByPassive(cue)) {
          // "The Kremlin said Ukraine must withdraw": the speaker demands, the subject is told.
          skipSubject = true;
          deontic = true;
          reportedSinceDeontic = false;
          return cue.from() - 1;
        }
        Holder own = holders.ownHolder(cue, s);
        if (own == HolderFinder.NOBODY) {
          found.blocked = true;
          return STOP;
        }
        if (own != null) {
          found.holder = own;
          found.possessorIsObject = ownerInsideObject(own, s);
          return STOP;
        }
        return cue.from() - 1;
      }

      /**
       * "Russia is required to relinquish", "Kyiv is being pressed to cede": the passive of a
       * directive with no agent named tells its subject what to do, as "must" does.
       */
      private boolean isToldByPassive(Mentions.CueWord cue) {
        return cue.cue().directive()
            && roles.isPassive(cue, s)
            && cue.to() < s.to()
            && a.lower(cue.to()).equals("to")
            && holders.agentAfter(cue, s) == null;
      }

      /**
       * The mention opens the clause the reporting verb at token i reports: "saying a ceasefire".
       */
      private boolean headsReportedClause(int i) {
        return a.skipForward(
                i + 1, s, k -> a.is(k, WordClass.DETERMINER) || a.lower(k).equals("that"))
            > start;
      }

      /**
       * The comma opening an aside that token i closes and "though", "although" or "while" begins
       * (", though willing to negotiate some terms,"), or -1.
       */
      private int concessiveAsideStart(int i) {
        if (!a.lower(i).equals(",")) {
          return -1;
        }
        for (int k = i - 1; k > s.from() && i - k <= ASIDE_TOKENS; k--) {
          if (ClauseRoles.APPOSITION_MARKS.contains(a.lower(k))) {
            return CONCESSIVES.contains(a.lower(k + 1)) ? k : -1;
          }
        }
        return -1;
      }

      /** A "he" or "they" right before the outermost cue met, that names no party found. */
      private boolean isUnresolvedSubject(int i) {
        if (found.chain.isEmpty() || deontic || !SUBJECT_PRONOUNS.contains(a.lower(i))) {
          return false;
        }
        int outer = found.chain.get(found.chain.size() - 1).word().from();
        return a.skipForward(i + 1, s, a::isAuxiliary) == outer && !roles.isObject(i, s);
      }

      /**
       * "and recognizes Russian", "and bars the country": a finite verb right after the "and" at
       * token i, taking an object that starts with a determiner, a name or a pronoun (unlike "and
       * parts of"); -1 otherwise.
       */
      private int coordinatedVerb(int i) {
        int verb = i + 1;
        if (verb + 1 >= s.to()
            || !a.isLowercaseContentWord(verb)
            || a.issueAt[verb] != null
            || a.is(verb, WordClass.DETERMINER)) {
          return -1;
        }
        String w = a.lower(verb);
        int object = verb + 1;
        boolean finite = (w.endsWith("s") && !w.endsWith("ss")) || w.endsWith("ed");
        boolean takesObject =
            a.is(object, WordClass.DETERMINER)
                || a.actorAt[object] != null
                || Character.isUpperCase(a.token(object).text().charAt(0));
        return finite && takesObject ? verb : -1;
      }

      /** "and limit the size of its army": a verb and its object, right after "and" or "or". */
      private boolean opensOwnPredicate(int start) {
        String link = a.lower(start);
        return (link.equals("and") || link.equals("or"))
            && start + 2 < s.to()
            && a.token(start + 1).word()
            && Character.isLowerCase(a.token(start + 1).text().charAt(0))
            && !a.is(start + 1, WordClass.DETERMINER)
            && a.is(start + 2, WordClass.DETERMINER);
      }

      /**
       * Token i ends "in", "under", "within" or "as part of" right after another issue: "troops in
       * Ukraine under any peace deal", "withdrawal from Donbas as part of a settlement".
       */
      private boolean framesIssueBefore(int i) {
        String w = a.lower(i);
        int before = i - 1;
        if (w.equals("of") && i - 2 >= s.from() && a.lower(i - 1).equals("part")) {
          before = a.lower(i - 2).equals("as") ? i - 3 : -1;
        } else if (!FRAMES.contains(w)) {
          return false;
        }
        // "troops in Ukraine under any deal", "a pullout from Donetsk as part of a deal"
        for (int k = before; k >= Math.max(s.from(), before - 3); k--) {
          if (a.issueAt[k] != null) {
            return true;
          }
          if (!PLACE_WORDS.contains(a.lower(k))
              && !Character.isUpperCase(a.token(k).text().charAt(0))) {
            return false;
          }
        }
        return false;
      }

      /**
       * Token i is the preposition of "talks on", "discussions with Russia about": the mention is
       * the topic of talks, which says nothing about what anyone wants.
       */
      private boolean namesTopic(int i) {
        if (!TOPIC_PREPOSITIONS.contains(a.lower(i))) {
          return false;
        }
        int k = i - 1;
        if (k >= s.from() && a.actorAt[k] != null) {
          int with = a.actorAt[k].from() - 1;
          k = with >= s.from() && a.lower(with).equals("with") ? with - 1 : k;
        }
        return k >= s.from() && TOPIC_NOUNS.contains(a.lower(k));
      }

      /**
       * "its so-called", "the 'peace'", "the draft": what may stand between a preposition and its
       * noun.
       */
      private boolean modifiesMention(int i) {
        String text = a.token(i).text();
        return a.is(i, WordClass.DETERMINER)
            || a.is(i, WordClass.DOCUMENT)
            || (a.issueAt[i] == null
                && a.cueAt[i] == null
                && a.actorAt[i] == null
                && a.isLowercaseContentWord(i))
            || text.equals("-")
            || (a.lower(i).equals("so") && i + 1 < s.to() && a.token(i + 1).text().equals("-"))
            || text.equals("\"")
            || text.equals("“")
            || text.equals("'");
      }

      /**
       * The cues met so far are what a party is accused of ("accused Moscow of rejecting") or
       * blamed for ("blamed Russia for rejecting", "criticized Moscow for refusing"): the accuser
       * reports the accused's stance, as "Moscow's demands include ..." reports Moscow's. The
       * accusing verb, or -1.
       */
      private int accusingVerb(Mentions.Actor actor) {
        int before = a.skipBack(actor.from() - 1, s, k -> a.is(k, WordClass.DETERMINER));
        if (found.chain.isEmpty() || actor.to() >= s.to() || before < s.from()) {
          return -1;
        }
        String verb = a.lower(before);
        String preposition = a.lower(actor.to());
        boolean accuses =
            (preposition.equals("of") && verb.startsWith("accus"))
                || (preposition.equals("for") && BLAMING.stream().anyMatch(verb::startsWith));
        // "blamed Zelensky for delaying a deal and said it is time for elections": the act blamed
        // is the outermost cue's, not another clause's
        int act =
            a.skipForward(actor.to() + 1, s, k -> a.isFiller(k) || a.is(k, WordClass.NEGATOR));
        return accuses && act == found.chain.get(found.chain.size() - 1).word().from()
            ? before
            : -1;
      }

      private boolean complementsCue(Mentions.CueWord cue) {
        int as = cue.from() - 1;
        return cue.cue().evaluative()
            && as - 1 >= s.from()
            && a.lower(as).equals("as")
            && a.cueAt[as - 1] != null;
      }

      private boolean judgesClaim(Mentions.CueWord cue) {
        int k = a.skipForward(cue.to(), s, i -> a.is(i, WordClass.DETERMINER));
        return k < s.to() && a.is(k, WordClass.CLAIM);
      }

      /**
       * The cue ends an apposition to the words before it, "..., something Zelensky has ruled out,"
       * or "..., which Kyiv rejects,": its object is what the apposition follows.
       */
      private boolean closesApposition(Mentions.CueWord cue) {
        if (cue.to() >= s.to() || !ClauseRoles.APPOSITION_MARKS.contains(a.lower(cue.to()))) {
          return false;
        }
        int k = a.skipBack(cue.from() - 1, s, i -> a.isAuxiliary(i) || a.isFiller(i));
        Mentions.Actor subject = k >= s.from() ? a.actorAt[k] : null;
        if (subject == null) {
          return false;
        }
        int head = subject.from() - 1;
        boolean relative =
            head >= s.from() && (a.lower(head).equals("which") || a.lower(head).equals("that"));
        head = relative ? head - 1 : head;
        int words = 0;
        for (; head >= s.from() && words < 3 && a.isLowercaseContentWord(head); head--) {
          words++;
        }
        head = a.skipBack(head, s, i -> a.is(i, WordClass.DETERMINER));
        return (relative || words > 0)
            && head >= s.from()
            && ClauseRoles.APPOSITION_MARKS.contains(a.lower(head));
      }

      /**
       * @return whether the walk is decided
       */
      private boolean atParty(Holder named) {
        if (skipSubject) {
          skipSubject = false;
          return false;
        }
        // Whoever says "Ukraine must withdraw" demands it, not the subject of an earlier clause.
        if (!found.chain.isEmpty() && (!deontic || reportedSinceDeontic)) {
          found.holder = named;
          return true;
        }
        // A party with no cue yet is the subject of the issue verb ("that Ukraine cede land"),
        // not a stance holder; the stance, if any, comes from further left.
        if (passedReporting() && found.reportedSubject == null) {
          found.reportedSubject = named;
          // "with Zelensky opposing concessions, Witkoff told CNBC that land deals remain": cues
          // before the reporting clause govern another clause
          return found.chain.isEmpty();
        }
        if (found.subject == null && !passedReporting()) {
          found.subject = named;
        }
        return false;
      }

      private int atWord(int i) {
        String word = a.lower(i);
        if (a.isReporting(i)) {
          int aside = roles.bystanderAsideStart(i, s);
          if (aside >= 0) {
            return aside; // "Ukraine is open to a truce, officials say, but ...": the clause keeps
            // its subject
          }
          // "rejected ceding land, saying it will not hand over land", "rejected the plan and
          // said Ukraine would not join NATO": the cues before "saying" or "and said" are another
          // predicate's; the reported clause has its own subject
          boolean ownClause =
              found.chain.isEmpty()
                  && (a.lower(i).endsWith("ing") || (i > s.from() && a.lower(i - 1).equals("and")));
          reportedOwnClause |= ownClause && found.subject != null;
          reportedMention |= ownClause && headsReportedClause(i);
          reportingVerb = i;
          reportedSinceDeontic = true;
          inSiblingComplement = false;
          skipSubject = false; // "X said [forces] must leave": the told subject named no party
          if (roles.bystanderReports(i, s)) {
            found.blocked = true;
            return STOP;
          }
        } else if (word.equals(":") && roles.namesPartsBefore(i, s)) {
          crossedPartsColon = true; // "rejected three elements of the plan: A, B and C"
        } else if (a.is(i, WordClass.BOUNDARY) || a.is(i, WordClass.TIME_ADJUNCT)) {
          return STOP;
        } else if (a.is(i, WordClass.SOFT_BOUNDARY)) {
          found.crossedClause = true;
        }
        inSiblingComplement |=
            word.equals("that")
                && found.chain.isEmpty()
                && found.subject != null
                && i > s.from()
                && (a.lower(i - 1).equals("and") || a.lower(i - 1).equals("but"));
        if (word.equals("and") && found.chain.isEmpty() && found.subject == null) {
          siblingVerb = siblingVerb >= 0 ? siblingVerb : coordinatedVerb(i);
        }
        crossedItem |= ListItems.SEPARATORS.contains(word);
        crossedBut |= word.equals("but");
        passedWords |= a.token(i).word() && !a.isFiller(i);
        return i - 1;
      }
    }

    /**
     * "rejected Russia's call for", "rejected the U.S. plan for": the owner's stance sits inside
     * another's object.
     */
    private boolean ownerInsideObject(Holder own, Sentence s) {
      if (own.isDocument()
          || (own.kind() == Holder.Kind.PRONOUN && roles.isPossessor(own.token()))) {
        return roles.followsCue(own.token(), s); // "abandon its hopes of joining NATO"
      }
      Mentions.Actor possessor = a.actorAt[own.token()];
      // "Russia's plan", and "the U.S.-backed plan": the party modifies the object of a cue before
      boolean modifier =
          possessor != null
              && (a.token(possessor.to() - 1).possessive()
                  || (possessor.to() < s.to() && a.lower(possessor.to()).equals("-")));
      return own.kind() == Holder.Kind.EXPLICIT
          && modifier
          && roles.followsCue(possessor.from(), s);
    }
  }
}
