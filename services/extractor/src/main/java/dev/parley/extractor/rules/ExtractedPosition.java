package dev.parley.extractor.rules;

import dev.parley.extractor.text.ArticleText;

/**
 * One stance of one party on one issue, found in one sentence.
 *
 * @param actor actor id from the ontology
 * @param issue issue id from the ontology
 * @param stance 2 demands, 1 supports, -1 opposes, -2 rejects
 * @param confidence 0..1; positions at 0.7 or more are the reliable ones
 * @param sentence the evidence sentence
 * @param start offset of the sentence in {@link ArticleText#of(String, String)}
 * @param end offset after the sentence's last character
 * @param cue the words that decided the stance ("rejected", "calling for")
 * @param speaker the words that named the actor ("the Kremlin", or "Putin" for a resolved "he")
 */
public record ExtractedPosition(
    String actor,
    String issue,
    int stance,
    double confidence,
    String sentence,
    int start,
    int end,
    String cue,
    String speaker) {

  public ExtractedPosition {
    if (stance == 0 || Math.abs(stance) > 2) {
      throw new IllegalArgumentException("stance must be one of 2, 1, -1, -2: " + stance);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
  }
}
