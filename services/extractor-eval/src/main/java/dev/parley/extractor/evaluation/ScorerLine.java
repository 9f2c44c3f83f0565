package dev.parley.extractor.evaluation;

import dev.parley.extractor.rules.ExtractedPosition;

/**
 * One extracted position as a JSON-lines record in the format shared/eval/score reads; Jackson
 * writes the fields in this order.
 *
 * @param article the article's file name
 * @param evidence the evidence sentence
 */
public record ScorerLine(
    String article,
    String actor,
    String issue,
    int stance,
    double confidence,
    String evidence,
    int start,
    int end,
    String cue,
    String speaker) {

  public static ScorerLine of(String articleFileName, ExtractedPosition p) {
    return new ScorerLine(
        articleFileName,
        p.actor(),
        p.issue(),
        p.stance(),
        p.confidence(),
        p.sentence(),
        p.start(),
        p.end(),
        p.cue(),
        p.speaker());
  }
}
