package dev.parley.extractor.evaluation;

import dev.parley.extractor.rules.ExtractedPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * A learned confidence: a logistic regression over {@link ConfidenceFeatures} that turns the rules'
 * hand-set confidence into the probability that a position's (actor, issue, sign) is in the gold.
 * It only rescores: which positions are extracted does not change. Measured against the hand-set
 * confidence by {@link ConfidenceTraining}; not shipped, because it does not beat it
 * (docs/extraction.md, "Learned confidence").
 */
final class ConfidenceModel {

  private final double[] weights;

  ConfidenceModel(double[] weights) {
    if (weights.length != ConfidenceFeatures.NAMES.size()) {
      throw new IllegalArgumentException(
          "a confidence model needs "
              + ConfidenceFeatures.NAMES.size()
              + " weights ("
              + ConfidenceFeatures.NAMES
              + "), not "
              + weights.length);
    }
    this.weights = weights.clone();
  }

  double probability(double[] features) {
    double z = 0;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The article's positions with the learned confidence in place of the rules' one. */
  List<ExtractedPosition> rescore(List<ExtractedPosition> article, int textLength) {
    List<ExtractedPosition> rescored = new ArrayList<>(article.size());
    for (ExtractedPosition p : article) {
      double confidence =
          Math.round(probability(ConfidenceFeatures.of(p, article, textLength)) * 1000) / 1000.0;
      rescored.add(
          new ExtractedPosition(
              p.actor(),
              p.issue(),
              p.stance(),
              confidence,
              p.sentence(),
              p.start(),
              p.end(),
              p.cue(),
              p.speaker()));
    }
    return List.copyOf(rescored);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < weights.length; i++) {
      text.append(String.format("%s %.3f%n", ConfidenceFeatures.NAMES.get(i), weights[i]));
    }
    return text.toString();
  }
}
