package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.Cue;
import dev.parley.extractor.ontology.WordClass;
import dev.parley.extractor.text.Sentence;
import java.util.List;

/**
 * Reads a cue's direction and strength from the words next to it ("did not reject", "firmly
 * opposes", "no longer in favour") and combines a chain of cues with the issue phrase's polarity
 * into one stance.
 */
final class CuePolarity {

  /** A stance value (-2..2) and the weight of the least certain cue that decided it. */
  record Stance(int value, double cueWeight) {}

  private final ArticleAnalysis a;

  CuePolarity(ArticleAnalysis analysis) {
    this.a = analysis;
  }

  CueHit hit(Mentions.CueWord cue, Sentence s) {
    int negator = negatorBefore(cue.from(), s);
    boolean intensified =
        isIntensifier(cue.from() - 1, s)
            || isIntensifier(cue.from() - 2, s)
            || isIntensifier(cue.to(), s);
    return new CueHit(cue, negator >= 0, negator >= 0 && isStrong(negator), intensified);
  }

  /**
   * The negator in "never join NATO", "no finalized peace plan", "without territorial concessions",
   * or -1.
   */
  int negatorBefore(int from, Sentence s) {
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

  /**
   * "Ukraine will never cede territory": with no cue, the negator itself is the subject's refusal.
   */
  CueHit refusal(int negator) {
    Cue refusal = Cue.of(a.lower(negator), isStrong(negator) ? -2 : -1, 1);
    return new CueHit(new Mentions.CueWord(negator, negator + 1, refusal), false, false, false);
  }

  /**
   * The product of the cues' signs, their negations and the phrase's polarity; the intensity is the
   * outermost cue's, except that rejecting a ban on NATO membership supports membership only
   * mildly.
   */
  static Stance combine(List<CueHit> chain, int phrasePolarity, boolean issueNegated) {
    int sign = phrasePolarity * (issueNegated ? -1 : 1);
    boolean throughNegative = sign < 0;
    double cueWeight = 1;
    for (CueHit h : chain) {
      sign *= h.sign();
      throughNegative |= h.sign() < 0;
      cueWeight = Math.min(cueWeight, h.word().cue().weight());
    }
    int intensity = sign > 0 && throughNegative ? 1 : chain.get(chain.size() - 1).intensity();
    return new Stance(sign * intensity, cueWeight);
  }

  private boolean isNegator(int k) {
    boolean notOnly =
        a.lower(k).equals("not") && k + 1 < a.tokens.size() && a.lower(k + 1).equals("only");
    return a.is(k, WordClass.NEGATOR) && !notOnly;
  }

  private boolean isStrong(int negator) {
    boolean noLonger =
        a.lower(negator).equals("no")
            && negator + 1 < a.tokens.size()
            && a.lower(negator + 1).equals("longer");
    return a.is(negator, WordClass.STRONG_NEGATOR) || noLonger;
  }

  private boolean isIntensifier(int k, Sentence s) {
    return k >= s.from() && k < s.to() && a.is(k, WordClass.INTENSIFIER);
  }
}
