package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ClauseRoles}: possessors, the parties that modify an issue, and bystanders (its objects:
 * the "absolute clauses" rows of {@link WireCopyPatternsTest}).
 */
class ClauseRolesTest {

  /** Whether the possessor at a word (checked to be one) may hold a stance. */
  private static boolean possessorHolds(String body, String possessor) {
    Analysed t = new Analysed(body);
    int k = t.at(possessor);
    assertTrue(t.roles().isPossessor(k), () -> possessor + " is no possessor in: " + body);
    return t.roles().ownsStanceOrSpeaker(k, t.sentenceOf(possessor));
  }

  @Test
  void aPossessorOwningACueMayHoldAStance() {
    assertTrue(possessorHolds("Moscow's demands include a ceasefire.", "moscow"));
    assertTrue(possessorHolds("Trump's envoy met Putin.", "trump"));
  }

  @Test
  void aPossessorOfAMandateHoldsNoStance() {
    assertFalse(possessorHolds("Zelensky's mandate ends in May.", "zelensky"));
  }

  @Test
  void analystsAreBystanders() {
    Analysed t = new Analysed("Analysts say Moscow will reject a ceasefire.");
    assertTrue(t.roles().bystanderReports(t.at("say"), t.sentenceOf("say")));
    assertFalse(t.roles().isBystander(t.at("moscow"), t.sentenceOf("moscow")));
  }
}
