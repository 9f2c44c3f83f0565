package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.extractor.ontology.Cue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CuePolarity}: negators and intensifiers next to a cue, and a chain of cues combined. */
class CuePolarityTest {

  private static CueHit plain(int stance, double weight) {
    return new CueHit(
        new Mentions.CueWord(0, 1, Cue.of("cue", stance, weight)), false, false, false);
  }

  /**
   * The modifiers read around the cue at a word of a one-sentence article: negated, strongly
   * negated, intensified.
   */
  private static List<Boolean> modifiers(String body, String cueWord) {
    Analysed t = new Analysed(body);
    CueHit hit = new CuePolarity(t.a).hit(t.cue(cueWord), t.sentenceOf(cueWord));
    return List.of(hit.negated(), hit.strongNegation(), hit.intensified());
  }

  @Test
  void notBeforeACueNegatesIt() {
    assertEquals(
        List.of(true, false, false), modifiers("Kyiv did not reject the peace plan.", "reject"));
  }

  @Test
  void neverIsAStrongNegation() {
    assertEquals(
        List.of(true, true, false),
        modifiers("Moscow will never accept the peace plan.", "accept"));
  }

  @Test
  void firmlyIntensifies() {
    assertEquals(
        List.of(false, false, true), modifiers("Kyiv firmly opposes the peace plan.", "opposes"));
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
