package dev.parley.extractor.rules;

import static dev.parley.extractor.Extraction.signs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "against" right after a cue is that cue's preposition, not a second negative cue that would flip
 * it.
 */
class CuePrepositionTest {

  @Test
  void pushingBackAgainstAPlanOpposesIt() {
    assertEquals(
        Set.of("ukraine peace_plan -", "united_states peace_plan +"),
        signs("Zelensky pushed back against the latest US proposal."));
    assertEquals(
        Set.of("europe peace_plan -"),
        signs("European leaders pushed back against the draft plan on Sunday."));
  }

  @Test
  void againstAloneStillOpposes() {
    assertEquals(
        Set.of("russia nato -"), signs("The Kremlin is against NATO membership for Ukraine."));
  }
}
