package dev.parley.extractor.ontology;

/**
 * A stance cue: a word or phrase that tells how its holder stands towards what follows it.
 *
 * @param stance 2, 1, -1 or -2 (see the README of the gold standard)
 * @param deontic a modal such as "must": its subject is told what to do, the speaker holds the
 *     stance
 * @param evaluative it judges its grammatical subject ("the plan is unacceptable", "could serve as
 *     a basis"), so the stance belongs to whoever reports the judgement
 * @param weight confidence multiplier in (0, 1]
 * @param transitive a verb that is a cue only with its object right after it ("forced Kyiv to");
 *     without one the word is a noun ("armed forces")
 * @param directive a verb whose object is told what to do ("pressed Kyiv to cede"), so that in the
 *     passive ("Kyiv is being pressed to cede") its subject is told, not holding
 */
public record Cue(
    String text,
    int stance,
    boolean deontic,
    boolean evaluative,
    double weight,
    boolean transitive,
    boolean directive)
    implements Lexeme {

  /** A cue made by a rule rather than read from the lexicon: "unless", "under the draft". */
  public static Cue of(String text, int stance, double weight) {
    return new Cue(text, stance, false, false, weight, false, false);
  }
}
