package dev.parley.extractor;

/**
 * A stance cue: a word or phrase that tells how its holder stands towards what follows it.
 *
 * @param stance    2, 1, -1 or -2 (see the README of the gold standard)
 * @param causative its object is pushed towards the proposition and is not itself a holder
 * @param deontic   a modal such as "must": its subject is told what to do, the speaker holds the stance
 * @param weight    confidence multiplier in (0, 1]
 */
record Cue(String text, int stance, boolean causative, boolean deontic, double weight) implements Lexeme {
}
