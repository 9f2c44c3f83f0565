package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.extractor.ontology.Cue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CuePolarity}: negators and intensifiers next to a cue, and a chain of cues combined. */
class CuePolarityTest {

  private static CueHit plain(int stance, double weight) {
    return new CueHit(
        new Mentions.CueWord(0, 1, Cue.of("cue", stance, weight)), false, false, false);
  }

  /** The cue at a word of a one-sentence article, read with the words next to it. */
  private static CueHit hitAt(String body, String cueWord) {
    Analysed t = new Analysed(body);
    return new CuePolarity(t.a).hit(t.cue(cueWord), t.sentenceOf(cueWord));
  }

  @Test
  void notBeforeACueNegatesIt() {
    CueHit hit = hitAt("Kyiv did not reject the peace plan.", "reject");
    assertTrue(hit.negated());
    assertFalse(hit.strongNegation());
  }

  @Test
  void neverIsAStrongNegation() {
    CueHit hit = hitAt("Moscow will never accept the peace plan.", "accept");
    assertTrue(hit.negated());
    assertTrue(hit.strongNegation());
  }

  @Test
  void firmlyIntensifies() {
    CueHit hit = hitAt("Kyiv firmly opposes the peace plan.", "opposes");
    assertFalse(hit.negated());
    assertTrue(hit.intensified());
  }

  @Test
  void aNegatorWithNoCueIsTheSubjectsRefusal() {
    Analysed t = new Analysed("Ukraine will never cede territory.");
    CueHit refusal = new CuePolarity(t.a).refusal(t.at("never"));
    assertEquals(-2, refusal.word().cue().stance());
    assertEquals(-1, refusal.sign());
  }

  @Test
  void rejectingTheOppositeOfAPropositionSupportsItMildly() {
    CuePolarity.Stance stance = CuePolarity.combine(List.of(plain(-2, 1)), -1, false);
    assertEquals(1, stance.value());
  }

  @Test
  void theLeastCertainCueSetsTheWeight() {
    CuePolarity.Stance stance =
        CuePolarity.combine(List.of(plain(2, 0.6), plain(-2, 0.9)), 1, false);
    assertEquals(-2, stance.value());
    assertEquals(0.6, stance.cueWeight());
  }
}
