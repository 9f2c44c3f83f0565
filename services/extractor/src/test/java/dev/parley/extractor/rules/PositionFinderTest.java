package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.extractor.text.ArticleText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PositionFinder}: every issue mention attributed, with its evidence, in text order. */
class PositionFinderTest {

  @Test
  void positionsComeInTextOrderWithTheirEvidence() {
    String text =
        ArticleText.of("", "The Kremlin rejected a ceasefire. Kyiv backed the peace plan.");
    List<ExtractedPosition> found = PositionFinder.find(text, Analysed.ONTOLOGY);
    assertEquals(
        List.of("russia ceasefire -2", "ukraine peace_plan 1"),
        found.stream().map(p -> p.actor() + " " + p.issue() + " " + p.stance()).toList());
    for (ExtractedPosition p : found) {
      assertEquals(p.sentence(), text.substring(p.start(), p.end()));
    }
    assertEquals("Kremlin", found.get(0).speaker());
  }
}
