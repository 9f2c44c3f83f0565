package dev.parley.extractor.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.extractor.rules.ExtractedPosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Evaluation}: where it finds the gold, and how it counts against it. */
class EvaluationTest {

  private static final String GOLD =
      """
      {"article": "a.txt", "positions": [
        {"actor": "russia", "issue": "nato", "stance": -2, "evidence": "...", "optional": false}]}
      """;

  @Test
  void aWholeSetsFolderMeansItsGoldFolder(@TempDir Path set) throws Exception {
    Files.createDirectories(set.resolve("gold"));
    Files.createDirectories(set.resolve("articles"));
    Files.writeString(set.resolve("gold/a.json"), GOLD);

    ExtractedPosition hit =
        new ExtractedPosition(
            "russia", "nato", -1, 0.9, "Moscow opposes it.", 0, 18, "opposes", "");
    Evaluation.Report report = Evaluation.loadGold(set).score(Map.of("a.txt", List.of(hit)));

    assertEquals(1.0, report.precision());
    assertEquals(1.0, report.recall());
  }

  @Test
  void aFolderWithoutGoldSaysWhatItNeeds(@TempDir Path empty) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Evaluation.loadGold(empty));
    assertTrue(e.getMessage().contains("No gold files (*.json)"), e.getMessage());
  }
}
