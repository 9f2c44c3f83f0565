package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.Cue;
import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.Set;

/**
 * Stances stated without a stance cue, by what a party or its document does with the issue: "Under
 * the draft, Ukraine would not join NATO" (the draft provides it), "the American draft caps the
 * army" (the draft proposes it), "Ukraine will never cede territory" (a refusal), "the bloc would
 * keep all sanctions in place" (a commitment, held less surely).
 */
record StatedActs(ArticleAnalysis a, Documents documents, CuePolarity polarity) {

  /**
   * The holder, the word that stands for the act as a cue, and whether the issue's own negation
   * still counts.
   */
  record Act(Holder holder, CueHit cue, boolean issueNegated) {}

  private static final Cue COMMITS = Cue.of("will", 1, 0.7);

  /** "the plan would see Ukraine cede the Donbas": what the document makes a party do. */
  private static final Set<String> SEES = Set.of("see", "sees", "saw");

  /** Verbs before a negated issue that report what happened to it, not what anyone refused. */
  private static final Set<String> RECEPTION =
      Set.of(
          "ended",
          "concluded",
          "finished",
          "closed",
          "received",
          "receive",
          "receives",
          "seen",
          "saw",
          "see",
          "heard",
          "got",
          "gotten",
          "obtained",
          "know",
          "knows",
          "knew");

  /**
   * @param negator the negator right before the mention, or -1
   */
  Act of(Mentions.Issue m, Sentence s, LeftWalk walk, int negator) {
    boolean negated = negator >= 0;
    if (documents.isFramed(m, s)) {
      return new Act(documents.frame(s), polarity.hit(documents.frameCue(s), s), negated);
    }
    Holder subject = walk.subject;
    Holder continued = documents.continued(s);
    if (continued != null
        && walk.reportedSubject == null
        && (subject == null || !subject.isDocument())) {
      return new Act(continued, polarity.hit(documents.continuationCue(m, s), s), negated);
    }
    if (subject == null) {
      return null;
    }
    if (subject.isDocument()) {
      // Only the document's own verb: "the draft caps the army", not "the draft left open the
      // question of NATO".
      int verbSubject = a.skipBack(seenDoing(m, s) - 1, s, i -> a.isFiller(i) || a.isAuxiliary(i));
      return verbSubject >= s.from() && documents.ownerAt(verbSubject) != null
          ? new Act(subject, polarity.hit(documents.proposalCue(verbSubject), s), negated)
          : null;
    }
    int document = documentDescribed(subject, m, s);
    if (document >= 0) {
      Holder owner = documents.ownerAt(document);
      return owner == null
          ? null
          : new Act(owner, polarity.hit(documents.proposalCue(document), s), negated);
    }
    // "Putin said Ukraine would cede Donbas" is Putin's claim about Ukraine, not Ukraine's
    // commitment,
    // and "Vance said Ukraine will not join NATO" is no refusal of Ukraine's.
    boolean ownWord =
        walk.reportedSubject == null || walk.reportedSubject.actors().containsAll(subject.actors());
    if (negated) {
      return ownWord && !receivedNothing(negator, s)
          ? new Act(subject, polarity.refusal(negator), false)
          : null;
    }
    int modal = a.skipBack(m.from() - 1, s, a::isFiller);
    boolean commits = modal >= s.from() && a.is(modal, WordClass.COMMISSIVE);
    if (commits && ownWord) {
      return new Act(
          subject,
          new CueHit(new Mentions.CueWord(modal, modal + 1, COMMITS), false, false, false),
          false);
    }
    return null;
  }

  /**
   * "The plan would see Ukraine hold elections": the "see" before the party doing the act the
   * mention names, or else the mention's first token.
   */
  private int seenDoing(Mentions.Issue m, Sentence s) {
    for (int k = m.from() - 1; k > s.from() && k >= m.from() - 2; k--) {
      Mentions.Actor party = a.actorAt[k];
      if (party != null
          && party.from() - 1 > s.from()
          && SEES.contains(a.lower(party.from() - 1))) {
        return party.from() - 1;
      }
    }
    return m.from();
  }

  /**
   * "The Kremlin has received no proposal", "Kyiv has seen no draft", "the talks ended without an
   * agreement": what a party was not given, or what talks ended without, is no refusal of it.
   */
  private boolean receivedNothing(int negator, Sentence s) {
    int verb = a.skipBack(negator - 1, s, i -> a.isFiller(i) || a.isAuxiliary(i));
    return verb >= s.from() && RECEPTION.contains(a.lower(verb));
  }

  /**
   * "At the centre of the proposal is a concession: Ukraine would surrender Donbas": a party that
   * would do something, after a plan named earlier in the sentence, is what the plan provides, not
   * the party's commitment. The plan's noun, or -1.
   */
  private int documentDescribed(Holder subject, Mentions.Issue m, Sentence s) {
    int k = a.skipBack(m.from() - 1, s, i -> a.isFiller(i) || a.isAuxiliary(i));
    boolean hypothetical = false;
    for (int i = k + 1; i < m.from(); i++) {
      hypothetical |= a.lower(i).equals("would");
    }
    if (!hypothetical) {
      return -1;
    }
    for (int i = Math.min(subject.token(), m.from()) - 1; i >= s.from(); i--) {
      if (a.isReporting(i)) {
        return -1; // "Putin rejected the plan and said Ukraine would ...": his word, not the plan's
      }
      if (a.is(i, WordClass.DOCUMENT)) {
        return i;
      }
    }
    return -1;
  }
}
