package dev.parley.extractor;

import java.util.ArrayList;
import java.util.List;

/**
 * What walking left from an issue mention through its clause found: the stance cues met on the
 * way ("refused to accept", "demands that") and the party that governs the outermost of them.
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
  /** The holder is a possessor inside an object ("rejected Russia's call"): someone further left may govern it. */
  boolean possessorIsObject;
  /** Subject of a contrasting clause before "but" that the mention's clause shares ("X is open to talks, but ..."). */
  Holder sharedSubject;
  boolean crossedClause;
  /** The clause belongs to a non-party speaker, so no attribution may be guessed. */
  boolean blocked;

  private LeftWalk() {
  }

  /** Walks the clauses of one article. */
  static final class Walker {
    private final ArticleAnalysis a;
    private final ClauseRoles roles;
    private final HolderFinder holders;
    private final CuePolarity polarity;
    private final ListItems lists;
    private final Documents documents;

    Walker(ArticleAnalysis analysis, ClauseRoles roles, HolderFinder holders, CuePolarity polarity, ListItems lists,
        Documents documents) {
      this.a = analysis;
      this.roles = roles;
      this.holders = holders;
      this.polarity = polarity;
      this.lists = lists;
      this.documents = documents;
    }

    /**
     * @param start the token to start from, walking left
     * @param inner cues already found nearer the mention, which the walk continues
     */
    LeftWalk walk(Sentence s, int start, List<CueHit> inner) {
      LeftWalk w = new LeftWalk();
      w.chain.addAll(inner);
      boolean passedReporting = false;
      boolean crossedItem = false;
      boolean passedWords = false;
      boolean skipSubject = false;
      boolean deontic = false;
      boolean reportedSinceDeontic = false;
      boolean nearMention = true;
      boolean opensPredicate = false;
      boolean crossedBut = false;
      int i = start;
      while (i >= s.from()) {
        Holder document = documents.ownerAt(i);
        if (document != null && !roles.isObject(document.token(), s)) {
          if (!w.chain.isEmpty() && (!deontic || reportedSinceDeontic)) {
            w.holder = document; // "A draft of the U.S. framework seen by Reuters proposes ..."
            return w;
          }
          if (w.chain.isEmpty() && w.subject == null && !passedReporting) {
            w.subject = document; // "the American draft caps the army"
          }
        }
        Mentions.CueWord proposal = nearMention ? documents.proposalAt(i, s) : null;
        if (proposal != null) {
          // "the EU's plan for a reparations loan", "plans for a multinational force"
          w.chain.add(polarity.hit(proposal, s));
          Holder own = documents.ownerAt(proposal.from());
          own = own != null ? own : holders.ownHolder(proposal, s);
          if (own != null && own != HolderFinder.NOBODY) {
            w.holder = own;
            w.possessorIsObject = ownerInsideObject(own, s);
            return w;
          }
          i = proposal.from() - 1;
          continue;
        }
        nearMention &= a.issueAt[i] != null || ListItems.SEPARATORS.contains(a.lower(i)) || a.is(i, WordClass.DETERMINER)
            || (a.token(i).word() && !a.isFunctionWord(i) && !a.is(i, WordClass.PREDICATOR));
        if (a.issueAt[i] != null) {
          i = a.issueAt[i].from() - 1; // another item of a list governed by the same cue
          continue;
        }
        Mentions.CueWord cue = a.cueAt[i];
        if (cue != null) {
          // "relinquish A, abandon B, and provide C": "abandon" heads its own list item, not C's.
          if (crossedBut && lists.takesOwnObject(cue, s)) {
            // "Moscow is open to talks, but NATO expansion remains a red line": the cue has its own
            // object in the clause before "but"; only its subject carries over.
            Holder own = holders.ownHolder(cue, s);
            if (own != null && own != HolderFinder.NOBODY) {
              if (!w.chain.isEmpty()) {
                w.holder = own;
                return w;
              }
              w.subject = w.subject != null ? w.subject : own;
              w.sharedSubject = own;
            }
            i = cue.from() - 1;
            continue;
          }
          boolean otherItemsCue = crossedItem && passedWords && lists.isItemInitial(cue, s);
          if (!otherItemsCue && opensPredicate && lists.takesOwnObject(cue, s)) {
            // "rejected A and demanded B": a sibling predicate shares its subject, not its stance.
            Holder own = holders.ownHolder(cue, s);
            if (own != null && own != HolderFinder.NOBODY) {
              w.holder = own;
              return w;
            }
            i = cue.from() - 1;
            continue;
          }
          if (w.chain.isEmpty()) {
            opensPredicate = lists.opensPredicate(cue, s);
          }
          if (!otherItemsCue && cue.cue().deontic()) {
            // "The Kremlin said Ukraine must withdraw": the speaker demands, the subject is told.
            w.chain.add(polarity.hit(cue, s));
            skipSubject = true;
            deontic = true;
            reportedSinceDeontic = false;
          } else if (!otherItemsCue) {
            w.chain.add(polarity.hit(cue, s));
            Holder own = holders.ownHolder(cue, s);
            if (own == HolderFinder.NOBODY) {
              w.blocked = true;
              return w;
            }
            if (own != null) {
              w.holder = own;
              w.possessorIsObject = ownerInsideObject(own, s);
              return w;
            }
          }
          i = cue.from() - 1;
          continue;
        }
        Holder named = holders.holderEndingAt(i, s);
        if (named != null && skipSubject) {
          skipSubject = false;
        } else if (named != null) {
          // Whoever says "Ukraine must withdraw" demands it, not the subject of an earlier clause.
          if (!w.chain.isEmpty() && (!deontic || reportedSinceDeontic)) {
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
          int aside = roles.bystanderAsideStart(i, s);
          if (aside >= 0) {
            i = aside; // "Ukraine is open to a truce, officials say, but ...": the clause keeps its subject
            continue;
          }
          passedReporting = true;
          reportedSinceDeontic = true;
          skipSubject = false; // "X said [forces] must leave": the told subject named no party
          if (roles.bystanderReports(i, s)) {
            w.blocked = true;
            return w;
          }
        } else if (a.is(i, WordClass.BOUNDARY) || a.is(i, WordClass.TIME_ADJUNCT)) {
          break;
        } else if (a.is(i, WordClass.SOFT_BOUNDARY)) {
          w.crossedClause = true;
        }
        crossedItem |= ListItems.SEPARATORS.contains(word);
        crossedBut |= word.equals("but");
        passedWords |= a.token(i).word() && !a.isFiller(i);
        i--;
      }
      return w;
    }

    /** "rejected Russia's call for", "rejected the U.S. plan for": the owner's stance sits inside another's object. */
    private boolean ownerInsideObject(Holder own, Sentence s) {
      if (own.isDocument() || (own.kind() == Holder.Kind.PRONOUN && roles.isPossessor(own.token()))) {
        return roles.followsCue(own.token(), s); // "abandon its hopes of joining NATO"
      }
      Mentions.Actor possessor = a.actorAt[own.token()];
      return own.kind() == Holder.Kind.EXPLICIT && possessor != null
          && a.token(possessor.to() - 1).possessive() && roles.followsCue(possessor.from(), s);
    }
  }
}
