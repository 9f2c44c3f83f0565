package dev.parley.cli;

import dev.parley.extractor.evaluation.Evaluation;
import dev.parley.extractor.rules.ExtractedPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision and recall of the positions at or above each confidence threshold: the table a
 * confirmation threshold is chosen from (the lowest one whose precision is high enough).
 */
final class ThresholdTable {

  private static final double FIRST = 0.30;
  private static final double STEP = 0.05;
  private static final int ROWS = 14;

  private final Evaluation evaluation;
  private final Map<String, List<ExtractedPosition>> predictions;
  private final double confirmationThreshold;

  ThresholdTable(
      Evaluation evaluation,
      Map<String, List<ExtractedPosition>> predictions,
      double confirmationThreshold) {
    this.evaluation = evaluation;
    this.predictions = predictions;
    this.confirmationThreshold = confirmationThreshold;
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "%-10s %9s %6s %6s %4s %4s %4s",
            "confidence", "precision", "recall", "f1", "tp", "fp", "fn"));
    boolean marked = false;
    for (int row = 0; row < ROWS; row++) {
      double threshold = Math.round((FIRST + row * STEP) * 100) / 100.0;
      if (!marked && confirmationThreshold <= threshold) {
        if (confirmationThreshold < threshold) {
          lines.add(line(confirmationThreshold, true));
        }
        marked = true;
        lines.add(line(threshold, confirmationThreshold == threshold));
      } else {
        lines.add(line(threshold, false));
      }
    }
    if (!marked) {
      lines.add(line(confirmationThreshold, true));
    }
    return lines;
  }

  private String line(double threshold, boolean confirmation) {
    Map<String, List<ExtractedPosition>> kept = new LinkedHashMap<>();
    predictions.forEach(
        (article, positions) ->
            kept.put(
                article, positions.stream().filter(p -> p.confidence() >= threshold).toList()));
    Evaluation.Report r = evaluation.score(kept);
    return String.format(
        ">= %-7.2f %9.3f %6.3f %6.3f %4d %4d %4d%s",
        threshold,
        r.precision(),
        r.recall(),
        r.f1(),
        r.tp(),
        r.fp(),
        r.fn(),
        confirmation ? "  <- confirmation threshold (ontology)" : "");
  }
}
