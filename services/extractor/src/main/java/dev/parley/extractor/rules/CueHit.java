package dev.parley.extractor.rules;

/**
 * A cue found on the way from an issue to its holder, with the modifiers that change it.
 *
 * @param negated "not", "never", "no longer" stands right before it
 * @param strongNegation the negation is absolute ("never", "no longer")
 * @param intensified "strongly", "firmly", "outright" next to it
 */
record CueHit(Mentions.CueWord word, boolean negated, boolean strongNegation, boolean intensified) {

  /** +1 or -1: the direction this cue gives after its own negation. */
  int sign() {
    int s = Integer.signum(word.cue().stance());
    return negated ? -s : s;
  }

  /** 1 or 2: how strongly the holder stands, read from the cue that the holder governs. */
  int intensity() {
    int stance = word.cue().stance();
    if (negated) {
      return stance > 0 && strongNegation ? 2 : 1; // "did not reject outright" is mild support
    }
    return intensified ? 2 : Math.abs(stance);
  }
}
