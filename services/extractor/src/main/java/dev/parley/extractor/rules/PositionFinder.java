package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributes each issue mention of one article to the parties that take a stance on it.
 *
 * <p>From an issue mention the finder walks left through its clause collecting stance cues ({@link
 * LeftWalk}) until it meets the party that governs them; it then looks right for cues that point
 * back at the mention ({@link RightCues}). When neither names a holder, the sentence's attribution
 * ({@link SentenceAttribution}) does. The sign is the product of the cues, their negations and the
 * phrase's polarity ({@link CuePolarity}).
 */
public final class PositionFinder {

  private final ArticleAnalysis a;
  private final CuePolarity polarity;
  private final LeftWalk.Walker left;
  private final RightCues right;
  private final SentenceAttribution attribution;
  private final Documents documents;
  private final Conditions conditions;
  private final Interview interview;
  private final StatedActs acts;
  private final Confidence confidence;
  private final HolderFinder holders;
  private final ReferredDemands referred;
  private final Map<String, ExtractedPosition> found = new LinkedHashMap<>();

  private PositionFinder(ArticleAnalysis analysis) {
    this.a = analysis;
    ClauseRoles roles = new ClauseRoles(analysis);
    this.documents = new Documents(analysis);
    this.interview = new Interview(analysis);
    this.holders =
        new HolderFinder(
            analysis, roles, new PronounResolver(analysis, roles, documents, interview), documents);
    ListItems lists = new ListItems(analysis);
    this.polarity = new CuePolarity(analysis);
    this.referred = new ReferredDemands(analysis);
    this.left = new LeftWalk.Walker(analysis, roles, holders, polarity, lists, documents, referred);
    this.right = new RightCues(analysis, roles, holders, polarity, lists);
    this.attribution = new SentenceAttribution(analysis, documents, interview);
    this.confidence = new Confidence(analysis, roles);
    this.conditions = new Conditions(analysis);
    this.acts = new StatedActs(analysis, documents, polarity);
  }

  /**
   * @param text the article text ({@link dev.parley.extractor.text.ArticleText#of})
   * @return the positions it states, in text order
   */
  public static List<ExtractedPosition> find(String text, Ontology ontology) {
    return find(new ArticleAnalysis(text, ontology));
  }

  static List<ExtractedPosition> find(ArticleAnalysis analysis) {
    PositionFinder finder = new PositionFinder(analysis);
    for (Mentions.Issue issue : analysis.issues) {
      finder.attribute(issue);
      finder.attributeAuthorship(issue);
    }
    for (int s = 0; s < analysis.sentences.size(); s++) {
      finder.attributeReferredDemands(s);
    }
    return List.copyOf(finder.found.values());
  }

  private void attribute(Mentions.Issue m) {
    Sentence s = a.sentenceAt(m.from());
    if (interview.isUnquotedQuestion(s) || conditions.framesAct(m, s)) {
      return; // the writer asks, or the mention frames the act; nobody takes a position on it
    }
    Conditions.Clause condition = conditions.around(m, s);
    if (condition != null) {
      attributeCondition(m, s, condition);
      return;
    }
    int without = conditions.openingWithout(m, s);
    if (without >= 0) {
      Holder speaker = attribution.of(s, m);
      if (speaker != null) {
        recordCondition(speaker, m, s, 2 * m.phrase().polarity(), without);
      }
      return;
    }
    int refusedWithout = conditions.refusedWithout(m, s);
    if (refusedWithout >= 0) {
      attributeRequirement(m, s, refusedWithout);
      return;
    }
    int exchange = conditions.inExchangeFor(m, s);
    if (exchange >= 0) {
      attributeExchange(m, s, exchange);
      return;
    }
    LeftWalk walk = left.walk(s, m.from() - 1, List.of());
    int negator = polarity.negatorBefore(m.from(), s);
    boolean issueNegated = negator >= 0;
    if (walk.holder != null) {
      emit(
          termHolder(walk.holder, m, s), walk.chain, m, issueNegated, s, Confidence.reach(walk, m));
      if (walk.possessorIsObject) {
        // "Ukraine rejected Russia's call for neutrality": Russia calls, Ukraine rejects the call.
        LeftWalk outer = left.walk(s, walk.holder.token() - 1, walk.chain);
        if (outer.holder != null) {
          emit(outer.holder, outer.chain, m, issueNegated, s, Confidence.reach(outer, m));
        }
      }
    }
    List<RightCues.RightCue> rights = right.after(m, s);
    for (RightCues.RightCue cue : rights) {
      // The outermost cue on the left is the sentence's own verb ("does not require Kyiv to give up
      // its
      // NATO bid, a demand Moscow has made"); the cue on the right judges what that verb governs.
      List<CueHit> chain =
          new ArrayList<>(
              walk.chain.isEmpty() ? walk.chain : walk.chain.subList(0, walk.chain.size() - 1));
      chain.addAll(cue.hits());
      Holder holder = cue.holder();
      if (holder == null && !walk.blocked) {
        holder =
            walk.holder != null
                ? walk.holder
                : walk.reportedSubject != null ? walk.reportedSubject : attribution.of(s, m);
        holder = holder != null ? holder : walk.sharedSubject;
      }
      if (holder != null) {
        emit(holder, chain, m, issueNegated, s, 1);
      }
    }
    if (!rights.isEmpty() || walk.holder != null || walk.blocked) {
      return;
    }
    if (!walk.chain.isEmpty()) {
      Holder holder = walk.reportedSubject != null ? walk.reportedSubject : attribution.of(s, m);
      if (holder != null) {
        emit(holder, walk.chain, m, issueNegated, s, 1);
      }
      return;
    }
    StatedActs.Act act = acts.of(m, s, walk, negator);
    if (act != null) {
      emit(act.holder(), List.of(act.cue()), m, act.issueNegated(), s, 1);
    }
  }

  /**
   * "the United States' initiative", "a plan drafted by Witkoff": a party backs the plan it wrote,
   * whatever the sentence says of it. Not for a plan named only as "the draft" (its owner is
   * inferred), a counter-proposal, or "planned" (a verb).
   */
  private void attributeAuthorship(Mentions.Issue m) {
    int noun = m.to() - 1;
    Holder author = documents.ownerAt(noun);
    if (author == null
        || author.kind() != Holder.Kind.DOCUMENT
        || !a.is(noun, WordClass.DOCUMENT)
        || a.lower(noun).endsWith("ed")
        || isCounterProposal(noun)) {
      return;
    }
    CueHit proposes = new CueHit(documents.proposalCue(noun), false, false, false);
    emit(author, List.of(proposes), m, false, a.sentenceAt(m.from()), Confidence.AUTHORSHIP);
  }

  /**
   * "the European counter-proposals", "a counter proposal", "a counterproposal": written against
   * another plan.
   */
  private boolean isCounterProposal(int noun) {
    int before = noun - 1 >= 0 && a.lower(noun - 1).equals("-") ? noun - 2 : noun - 1;
    return a.lower(noun).startsWith("counter")
        || (before >= 0 && a.lower(before).equals("counter"));
  }

  /**
   * "Under the plan, Ukraine agrees to enshrine that it will not join NATO": what a party does in a
   * document's terms is the document's stance, held by its owner.
   */
  private Holder termHolder(Holder holder, Mentions.Issue m, Sentence s) {
    return !holder.isDocument() && documents.isFramed(m, s) ? documents.frame(s) : holder;
  }

  /**
   * "Kyiv will not accept a ceasefire unless it comes with guarantees": whoever holds the main
   * clause wants the condition (or, after a refusal with a plain "if", opposes it).
   */
  private void attributeCondition(Mentions.Issue m, Sentence s, Conditions.Clause condition) {
    LeftWalk main = left.walk(s, condition.marker() - 1, List.of());
    Holder holder = mainClauseHolder(main, s, m);
    int sign =
        condition.requirement()
            ? 1
            : main.chain.isEmpty() ? 0 : main.chain.get(main.chain.size() - 1).sign();
    if (holder != null && sign != 0) {
      recordCondition(
          holder,
          m,
          s,
          sign * m.phrase().polarity() * (condition.requirement() ? 2 : 1),
          condition.marker());
    }
  }

  /** "Kyiv will not sign a deal without guarantees": the subject who refuses requires them. */
  private void attributeRequirement(Mentions.Issue m, Sentence s, int without) {
    Holder holder = mainClauseHolder(left.walk(s, without - 1, List.of()), s, m);
    if (holder != null) {
      recordCondition(holder, m, s, 2 * m.phrase().polarity(), without);
    }
  }

  /**
   * "ready to drop the NATO bid in exchange for guarantees": whoever offers the exchange wants what
   * it is for; a refused exchange ("rejected ceding land in return for ...") says nothing of it.
   */
  private void attributeExchange(Mentions.Issue m, Sentence s, int exchange) {
    LeftWalk main = left.walk(s, exchange - 3, List.of());
    Holder holder = mainClauseHolder(main, s, m);
    boolean offered = !main.chain.isEmpty() && main.chain.get(main.chain.size() - 1).sign() > 0;
    if (holder != null && offered) {
      recordCondition(holder, m, s, m.phrase().polarity(), exchange);
    }
  }

  /** Whoever holds the clause a condition belongs to; null when it is a non-party's. */
  private Holder mainClauseHolder(LeftWalk main, Sentence s, Mentions.Issue m) {
    if (main.blocked) {
      return null;
    }
    return main.holder != null
        ? main.holder
        : main.subject != null
            ? main.subject
            : main.reportedSubject != null ? main.reportedSubject : attribution.of(s, m);
  }

  private void recordCondition(
      Holder holder, Mentions.Issue m, Sentence s, int stance, int marker) {
    record(
        holder,
        m,
        s,
        stance,
        confidence.ofCondition(holder, m),
        conditions.cue(marker, stance).word());
  }

  /** "Kyiv has rejected the demand": a stance on the demands another party made just before. */
  private void attributeReferredDemands(int index) {
    Sentence s = a.sentences.get(index);
    for (int i = s.from(); i < s.to(); i++) {
      Mentions.CueWord cue = referred.judgementOfAnaphor(i, s);
      if (cue == null) {
        cue = a.cueAt[i];
        if (cue == null || cue.from() != i || !referred.hasAnaphoricObject(cue, s)) {
          continue;
        }
      }
      Holder holder = holders.ownHolder(cue, s);
      if (holder == null || holder == HolderFinder.NOBODY) {
        continue;
      }
      CueHit hit = polarity.hit(cue, s);
      for (ExtractedPosition demand : demandsBefore(index, holder)) {
        int stance = hit.sign() * Integer.signum(demand.stance()) * hit.intensity();
        String sentence = a.text.substring(s.start(), s.end());
        String words = a.text.substring(a.token(cue.from()).start(), a.token(cue.to() - 1).end());
        double trust = confidence.ofReferred(holder, cue.cue().weight());
        for (String actor : holder.actors()) {
          keep(
              new ExtractedPosition(
                  actor,
                  demand.issue(),
                  stance,
                  Math.round(trust * 1000) / 1000.0,
                  sentence,
                  s.start(),
                  s.end(),
                  words,
                  holder.words()),
              s);
        }
      }
    }
  }

  /**
   * The stances other parties took in the nearest of the sentence itself and the sentences just
   * before: what "the demand" names.
   */
  private List<ExtractedPosition> demandsBefore(int index, Holder holder) {
    for (int back = 0; back <= ReferredDemands.REACH && index - back >= 0; back++) {
      int start = a.sentences.get(index - back).start();
      List<ExtractedPosition> demands =
          found.values().stream()
              .filter(p -> p.start() == start && !holder.actors().contains(p.actor()))
              .toList();
      if (!demands.isEmpty()) {
        return demands;
      }
    }
    return List.of();
  }

  private void emit(
      Holder holder,
      List<CueHit> chain,
      Mentions.Issue m,
      boolean issueNegated,
      Sentence s,
      double reach) {
    if (chain.isEmpty()) {
      return;
    }
    CuePolarity.Stance stance = CuePolarity.combine(chain, m.phrase().polarity(), issueNegated);
    CueHit outer = chain.get(chain.size() - 1);
    int from = Math.min(Math.min(holder.token(), m.from()), outer.word().from());
    int to = Math.max(m.to(), outer.word().to());
    double trust = confidence.of(holder, m, stance.cueWeight(), reach, from, to, s);
    int value = stance.value();
    if (value < 0 && conditions.unlessFollows(m, s)) {
      value = 1;
      trust *= Confidence.LIFTED;
    }
    record(holder, m, s, value, trust, outer.word());
  }

  private void record(
      Holder holder,
      Mentions.Issue m,
      Sentence s,
      int stance,
      double trust,
      Mentions.CueWord cueWord) {
    if (trust < Confidence.MIN) {
      return;
    }
    String sentence = a.text.substring(s.start(), s.end());
    String cue = a.text.substring(a.token(cueWord.from()).start(), a.token(cueWord.to() - 1).end());
    for (String actor : holder.actors()) {
      // "Russia refuses territorial concessions": its own, so it keeps its claim
      boolean ownConcession = stance < 0 && m.phrase().ownConcessionOf().contains(actor);
      ExtractedPosition p =
          new ExtractedPosition(
              actor,
              m.phrase().issue(),
              ownConcession ? -stance : stance,
              Math.round(trust * 1000) / 1000.0,
              sentence,
              s.start(),
              s.end(),
              cue,
              holder.words());
      keep(p, s);
    }
  }

  private void keep(ExtractedPosition p, Sentence s) {
    String key = p.actor() + '|' + p.issue() + '|' + p.stance() + '|' + s.start();
    ExtractedPosition previous = found.get(key);
    if (previous == null || previous.confidence() < p.confidence()) {
      found.put(key, p);
    }
  }
}
