package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;

/**
 * How far an extracted position can be trusted: the holder's kind of attribution, the issue
 * phrase's and cues' weights, the distance between holder and mention, and the mood of the sentence
 * (conditions, questions, fears, superseded drafts, a bystander's account).
 */
final class Confidence {

  /** Positions below this are not reported at all. */
  static final double MIN = 0.3;

  private static final double BASE = 0.9;
  private static final double ACROSS_CLAUSE = 0.85;
  private static final double FAR_AWAY = 0.85;
  private static final int FAR_TOKENS = 20;
  private static final double HYPOTHETICAL = 0.5;
  private static final double UNASSERTED = 0.3;
  private static final double MODAL = 0.9;
  private static final double SUPERSEDED = 0.6;
  private static final double QUESTION = 0.5;

  /** A stance read off a condition ("unless", "until") is an inference, never certain. */
  private static final double CONDITION = 0.75;

  /**
   * A stance on a demand named only by "the demand", "such terms": its issue is inferred from the
   * sentences before.
   */
  private static final double REFERRED = 0.75;

  /** A party's own plan, named as such, is backed by it, though no verb says so. */
  static final double AUTHORSHIP = 0.7;

  /** "will not accept X unless ...": the refusal is lifted to a conditional yes. */
  static final double LIFTED = 0.5;

  private final ArticleAnalysis a;
  private final ClauseRoles roles;

  Confidence(ArticleAnalysis analysis, ClauseRoles roles) {
    this.a = analysis;
    this.roles = roles;
  }

  /**
   * A holder found across a clause boundary, or far from the mention, is less surely its holder.
   */
  static double reach(LeftWalk w, Mentions.Issue m) {
    return (w.crossedClause ? ACROSS_CLAUSE : 1)
        * (m.from() - w.holder.token() > FAR_TOKENS ? FAR_AWAY : 1);
  }

  /**
   * @param from first token of the stance (holder, cue or mention), @param to its end
   */
  double of(
      Holder holder,
      Mentions.Issue m,
      double cueWeight,
      double reach,
      int from,
      int to,
      Sentence s) {
    return BASE
        * holder.kind().trust
        * m.phrase().weight()
        * cueWeight
        * reach
        * circumstances(from, to, m, s);
  }

  /** A stance inferred from the condition a holder sets. */
  double ofCondition(Holder holder, Mentions.Issue m) {
    return BASE * holder.kind().trust * m.phrase().weight() * CONDITION;
  }

  /** A stance on a demand another party made just before ("Kyiv rejected the demand"). */
  double ofReferred(Holder holder, double cueWeight) {
    return BASE * holder.kind().trust * cueWeight * REFERRED;
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
      // "would have to cede" is an obligation, not a perfect
      boolean perfectModal =
          isModal
              && k + 1 < s.to()
              && a.lower(k + 1).equals("have")
              && !(k + 2 < s.to() && a.lower(k + 2).equals("to"));
      // "They could have agreed to a ceasefire long ago": what did not happen; "the plan would
      // have barred troops" still says what the plan held
      boolean counterfactual = perfectModal && !a.lower(k).equals("would");
      hypothetical |= a.is(k, WordClass.HYPOTHETICAL) || perfectModal;
      unasserted |= a.is(k, WordClass.UNASSERTED) || counterfactual;
      modal |= isModal;
      superseded |=
          a.is(k, WordClass.SUPERSEDED) && (k >= m.from() - 3 || a.lower(k).endsWith("ly"));
    }
    for (int k = s.from(); k < s.to(); k++) {
      if (a.lower(k).equals("?")) {
        factor *= QUESTION;
        break;
      }
    }
    // "Analysts say Russia will reject ...": a non-party's account of a party is closer to
    // speculation.
    for (int k = s.from(); k < from; k++) {
      if (a.isReporting(k) && roles.bystanderSpeculates(k, s)) {
        factor *= HYPOTHETICAL;
        break;
      }
    }
    double mood = unasserted ? UNASSERTED : hypothetical ? HYPOTHETICAL : modal ? MODAL : 1;
    return factor * mood * (superseded ? SUPERSEDED : 1);
  }
}
