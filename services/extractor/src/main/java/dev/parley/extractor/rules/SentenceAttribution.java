package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;

/**
 * Who a whole sentence is attributed to when no clause names a holder: the document that frames it
 * ("Under the U.S. draft, ..."), the speaker of the quotation it stands in, the interviewee whose
 * answer it is, "according to X", an aside such as "..., Putin warned, ..." or "..., said Peskov.",
 * or the document whose terms the sentences before began to tell.
 */
record SentenceAttribution(ArticleAnalysis a, Documents documents, Interview interview) {

  /** The party the sentence around the mention is attributed to, or null. */
  Holder of(Sentence s, Mentions.Issue m) {
    Holder frame = documents.frame(s);
    if (frame != null) {
      return frame;
    }
    Mentions.Quote quote = a.quoteAt[m.from()];
    if (quote != null && quote.speaker() != null) {
      return attributed(quote.speaker());
    }
    Mentions.Actor interviewee = interview.speakerOf(s);
    if (interviewee != null) {
      return attributed(interviewee);
    }
    for (int i = s.from(); i + 1 < s.to(); i++) {
      if (a.lower(i).equals("according") && a.lower(i + 1).equals("to")) {
        int k = a.skipForward(i + 2, s, j -> a.is(j, WordClass.DETERMINER));
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
    return documents.continued(s);
  }

  private static Holder attributed(Mentions.Actor actor) {
    return new Holder(actor.actors(), actor.text(), actor.from(), Holder.Kind.ATTRIBUTION);
  }

  /** Token k is outside the sentence or punctuation, so the words next to it form an aside. */
  private boolean standsAlone(int k, Sentence s) {
    return k < s.from()
        || k >= s.to()
        || !a.token(k).word()
        || a.lower(k).equals("on") // "said on Monday"
        || (Character.isUpperCase(a.token(k).text().charAt(0))
            && a.actorAt[k] == null); // "said Tuesday"
  }
}
