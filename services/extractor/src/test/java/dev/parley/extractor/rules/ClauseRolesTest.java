package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ClauseRoles}: possessors, the parties that modify an issue, and bystanders (its objects:
 * {@link AbsoluteClauseHolderTest}).
 */
class ClauseRolesTest {

  @Test
  void aPossessorOwningACueMayHoldAStance() {
    Analysed t = new Analysed("Moscow's demands include a ceasefire.");
    int moscow = t.at("moscow");
    assertTrue(t.roles().isPossessor(moscow));
    assertTrue(t.roles().ownsStanceOrSpeaker(moscow, t.sentenceOf("moscow")));
  }

  @Test
  void aPossessorOfAMandateHoldsNoStance() {
    Analysed t = new Analysed("Zelensky's mandate ends in May.");
    int zelensky = t.at("zelensky");
    assertTrue(t.roles().isPossessor(zelensky));
    assertFalse(t.roles().ownsStanceOrSpeaker(zelensky, t.sentenceOf("zelensky")));
  }

  @Test
  void analystsAreBystanders() {
    Analysed t = new Analysed("Analysts say Moscow will reject a ceasefire.");
    assertTrue(t.roles().bystanderReports(t.at("say"), t.sentenceOf("say")));
    assertFalse(t.roles().isBystander(t.at("moscow"), t.sentenceOf("moscow")));
  }
}
