package dev.parley.extractor;

import java.util.function.Predicate;

/** Resolves he/she/they/it/we to the party they most likely refer to. */
final class PronounResolver {

  private final ArticleAnalysis a;
  private final ClauseRoles roles;

  PronounResolver(ArticleAnalysis analysis, ClauseRoles roles) {
    this.a = analysis;
    this.roles = roles;
  }

  /** The party the pronoun at token i stands for, or null when it is no pronoun or refers to no party. */
  Holder resolve(int i) {
    Mentions.Actor target;
    if (a.is(i, WordClass.SPEAKER_PRONOUN)) {
      Mentions.Quote quote = a.quoteAt[i];
      target = quote == null ? null : quote.speaker();
    } else if (a.is(i, WordClass.PERSON_PRONOUN)) {
      target = lastInParagraph(i, Mentions.Actor::person);
    } else if (a.is(i, WordClass.GROUP_PRONOUN)) {
      target = lastInParagraph(i, m -> !m.person());
    } else if (a.is(i, WordClass.THING_PRONOUN)) {
      target = nearestInSentence(i);
    } else {
      return null;
    }
    return target == null ? null : new Holder(target.actors(), target.text(), i, Holder.Kind.PRONOUN);
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
