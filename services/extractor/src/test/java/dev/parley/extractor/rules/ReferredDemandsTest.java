package dev.parley.extractor.rules;

import static dev.parley.extractor.Extraction.signs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ReferredDemands}: a stance on "the demand", "such terms" or "to do so" takes the demand
 * made just before, with its sign.
 */
class ReferredDemandsTest {

  @Test
  void rejectingTheDemandOpposesTheIssueDemandedBefore() {
    assertTrue(
        signs(
                "Moscow insists that Kyiv hand over the rest of Donetsk. Ukraine has rejected the demand.")
            .contains("ukraine territory -"));
    assertTrue(
        signs(
                "The Kremlin wants Ukraine to drop its NATO bid. Kyiv firmly rejected those demands on Monday.")
            .contains("ukraine nato +"));
  }

  @Test
  void anAdjectiveMayStandBeforeTheNoun() {
    assertTrue(
        signs("Russia demanded a pullout from Donbas. Zelensky rejected such sweeping terms.")
            .contains("ukraine territory -"));
  }

  @Test
  void acceptingTheConditionSupportsIt() {
    assertTrue(
        signs(
                "Washington called for a ceasefire along the front line. The Kremlin accepted the condition.")
            .contains("russia ceasefire +"));
  }

  @Test
  void refusingToDoSoOpposesWhatAnotherPartyPressedFor() {
    assertTrue(
        signs("Trump has pushed Kyiv to cede territory. Zelensky has refused to do so.")
            .contains("ukraine territory -"));
    assertTrue(
        signs(
                "Washington urged Ukraine to give up land in the east. Kyiv again declined, and Umerov refused to do so.")
            .contains("ukraine territory -"));
  }

  @Test
  void aDemandWithItsOwnComplementIsNoAnaphor() {
    // rejecting neutrality is a stance for NATO membership, and no stance on the territory demanded
    // before
    assertEquals(
        java.util.Set.of("russia territory +", "ukraine nato +"),
        signs("Russia wants Ukraine to cede Donbas. Kyiv rejected the demand for neutrality."));
  }

  @Test
  void aPartysOwnEarlierDemandIsNotRejectedByItself() {
    assertFalse(
        signs("Ukraine demands security guarantees. Kyiv rejected the demand made by nobody else.")
            .contains("ukraine security_guarantees -"));
  }

  @Test
  void aCueWithAnAnaphoricObjectGovernsNoMentionAfterIt() {
    assertFalse(
        signs(
                "Trump pressed Kyiv to cede land. Zelensky refused to do so, seeking a ceasefire and security guarantees.")
            .contains("ukraine security_guarantees -"));
  }

  @Test
  void demandsOlderThanTwoSentencesAreOutOfReach() {
    assertFalse(
        signs(
                "Russia demands Donbas. Talks went on. Delegates met in Geneva. Kyiv rejected the demand.")
            .contains("ukraine territory -"));
  }
}
