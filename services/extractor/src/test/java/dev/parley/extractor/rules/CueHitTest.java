package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.extractor.ontology.Cue;
import org.junit.jupiter.api.Test;

/** {@link CueHit}: the direction and strength a cue gives once its modifiers are read. */
class CueHitTest {

  private static CueHit hit(int stance, boolean negated, boolean strong, boolean intensified) {
    return new CueHit(
        new Mentions.CueWord(0, 1, Cue.of("cue", stance, 1)), negated, strong, intensified);
  }

  @Test
  void negationTurnsTheDirection() {
    assertEquals(-1, hit(-2, false, false, false).sign());
    assertEquals(1, hit(-2, true, false, false).sign());
    assertEquals(-1, hit(1, true, false, false).sign());
  }

  @Test
  void aNegatedRejectionIsMildSupport() {
    assertEquals(1, hit(-2, true, false, false).intensity()); // "did not reject outright"
  }

  @Test
  void neverSupportingIsARejection() {
    assertEquals(2, hit(1, true, true, false).intensity());
    assertEquals(1, hit(1, true, false, false).intensity());
  }

  @Test
  void anIntensifierMakesSupportStrong() {
    assertEquals(1, hit(1, false, false, false).intensity());
    assertEquals(2, hit(1, false, false, true).intensity()); // "strongly supports"
  }
}
