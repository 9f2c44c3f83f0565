package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Resolves he/she/they/it/we to the party they most likely refer to. */
record PronounResolver(
    ArticleAnalysis a, ClauseRoles roles, Documents documents, Interview interview) {

  private static final Set<String> COPULAS = Set.of("is", "was", "be", "'s");

  /**
   * The party the pronoun at token i stands for, or null when it is no pronoun or refers to no
   * party.
   */
  Holder resolve(int i) {
    Mentions.Actor target;
    if (a.is(i, WordClass.SPEAKER_PRONOUN)) {
      Mentions.Quote quote = a.quoteAt[i];
      target = quote != null ? quote.speaker() : interview.speakerOf(a.sentenceAt(i));
    } else if (a.is(i, WordClass.PERSON_PRONOUN)) {
      target = lastInParagraph(i, Mentions.Actor::person);
    } else if (a.is(i, WordClass.GROUP_PRONOUN)) {
      target = lastInParagraph(i, m -> !m.person());
      List<String> group = target == null ? null : withCoordinated(target);
      if (group != null) {
        return new Holder(group, target.text(), i, Holder.Kind.PRONOUN);
      }
    } else if (a.is(i, WordClass.THING_PRONOUN)) {
      if (isExpletive(i)) {
        return null;
      }
      target = nearestInSentence(i);
      if (target == null && (i == a.sentenceAt(i).from() || opensReportedClause(i))) {
        return previousSubject(i);
      }
    } else {
      return null;
    }
    return target == null
        ? null
        : new Holder(target.actors(), target.text(), i, Holder.Kind.PRONOUN);
  }

  /**
   * "The Russian document insists that .... It also calls for ...": a sentence that opens with "it"
   * continues the subject of the sentence before, a party or a party's document.
   */
  private Holder previousSubject(int pronoun) {
    int here = a.sentenceOf[pronoun];
    Sentence previous = here > 0 ? a.sentences.get(here - 1) : null;
    if (previous == null || previous.paragraph() == 0) {
      return null; // the headline is no antecedent
    }
    for (int k = previous.from();
        k < previous.to() && a.cueAt[k] == null && !a.isReporting(k);
        k++) {
      Holder document = documents.ownerAt(k);
      Mentions.Actor actor = a.actorAt[k];
      if (document != null
          || (actor != null && a.issueAt[k] == null && !roles.isObject(actor.from(), previous))) {
        List<String> actors = document != null ? document.actors() : actor.actors();
        return new Holder(actors, a.token(pronoun).text(), pronoun, Holder.Kind.PRONOUN);
      }
    }
    return null;
  }

  /**
   * "Early reports suggested it would require ...": "it" opens the clause a reporting verb
   * introduces, with no party before it in its sentence.
   */
  private boolean opensReportedClause(int it) {
    int verb = it - 1 >= 0 && a.lower(it - 1).equals("that") ? it - 2 : it - 1;
    return verb >= a.sentenceAt(it).from() && a.isReporting(verb);
  }

  /**
   * "it may be time for Kyiv to ...", "it is unacceptable that ...": "it" stands for nothing; "it
   * is ready to sign" still stands for a party.
   */
  private boolean isExpletive(int it) {
    Sentence s = a.sentenceAt(it);
    int k = it + 1;
    boolean copula = false;
    for (; k < s.to() && a.isAuxiliary(k); k++) {
      copula |= COPULAS.contains(a.lower(k));
    }
    if (!copula || k + 1 >= s.to()) {
      return false;
    }
    boolean judgement = a.cueAt[k] != null && a.cueAt[k].cue().evaluative();
    String next = a.lower(k + 1);
    return a.lower(k).equals("time") || (judgement && (next.equals("to") || next.equals("that")));
  }

  /**
   * "European leaders and President Zelenskyy ... they": the parties joined to the mention by
   * "and"; null when none is.
   */
  private List<String> withCoordinated(Mentions.Actor mention) {
    int and = mention.to();
    Mentions.Actor next =
        and + 1 < a.tokens.size() && a.lower(and).equals("and") ? a.actorAt[and + 1] : null;
    if (next == null || next.actors().equals(mention.actors())) {
      return null;
    }
    return Holder.joined(mention.actors(), next.actors());
  }

  /** The nearest earlier mention in the paragraph that is a subject, not an object. */
  private Mentions.Actor lastInParagraph(int before, Predicate<Mentions.Actor> kind) {
    Sentence here = a.sentenceAt(before);
    for (int k = a.actors.size() - 1; k >= 0; k--) {
      Mentions.Actor m = a.actors.get(k);
      if (m.to() > before) {
        continue;
      }
      Sentence there = a.sentenceAt(m.from());
      if (there.paragraph() != here.paragraph()) {
        return null;
      }
      if (kind.test(m) && a.issueAt[m.from()] == null && !roles.isObject(m.from(), there)) {
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
}
