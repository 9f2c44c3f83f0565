package dev.parley.extractor.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.extractor.ontology.Ontology;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Runs each gold set of score-floors.csv through the extractor, scores it against its gold files
 * and guards the row's floors; writes the predictions to target/SET-predictions.jsonl for the
 * reference scorer.
 */
class ScoreFloorsTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "score-floors.csv", delimiter = '|')
  void scoresAboveTheFloors(
      String set,
      Path articles,
      Path gold,
      String confidentFrom,
      Double minPrecision,
      Double minRecall,
      Double minF1,
      String minConfidentPrecision)
      throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(articles) || !articles.startsWith(".."),
        set + " set not found at " + articles.toAbsolutePath().normalize() + "; skipping");
    double confident =
        confidentFrom.equals("ontology")
            ? Ontology.loadDefault().confirmationThreshold()
            : Double.parseDouble(confidentFrom);
    GoldSet scored = new GoldSet(articles, gold, confident);
    scored.writePredictions(Path.of("target/" + set + "-predictions.jsonl"));
    System.out.println(set + ", all positions:     " + scored.all.summary());
    System.out.println(set + ", confidence >= " + confident + ": " + scored.confident.summary());
    assertAtLeast(scored.all.precision(), minPrecision, scored.all);
    assertAtLeast(scored.all.recall(), minRecall, scored.all);
    assertAtLeast(scored.all.f1(), minF1, scored.all);
    double confidentFloor =
        minConfidentPrecision.equals("all")
            ? scored.all.precision()
            : Double.parseDouble(minConfidentPrecision);
    assertTrue(
        scored.confident.precision() >= confidentFloor,
        "confident positions must be at least as precise as "
            + minConfidentPrecision
            + ": "
            + scored.confident.summary()
            + " vs "
            + scored.all.summary());
  }

  /** An empty floor in the table arrives as null and is not checked. */
  private static void assertAtLeast(double value, Double floor, Evaluation.Report report) {
    assertTrue(floor == null || value >= floor, () -> "below " + floor + ": " + report.summary());
  }
}
