package dev.parley.extractor.ontology;

import static dev.parley.extractor.Extraction.signs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Word classes of the English lexicon added for real copy: "lacking" negates, "despite" opens an
 * adjunct, "need to" is deontic.
 */
class FunctionWordClassesTest {

  @Test
  void lackingNegatesLikeWithout() {
    assertTrue(
        signs("Kyiv will not accept any agreement lacking firm security guarantees.")
            .contains("ukraine security_guarantees +"));
    assertTrue(
        signs("Zelensky rejected a deal lacking security guarantees from Europe.")
            .contains("ukraine security_guarantees +"));
  }

  @Test
  void anIssueAfterDespiteIsNotTheCuesObject() {
    assertFalse(
        signs("Trump declined to condemn Moscow for the strikes despite an apparent ceasefire.")
            .contains("united_states ceasefire -"));
    assertFalse(
        signs("Brussels criticised Russia despite the truce.").contains("europe ceasefire -"));
  }

  @Test
  void whoeverSaysAPartyNeedsToActDemandsIt() {
    assertFalse(
        signs("The Kremlin said Kyiv would need to hand over land.")
            .contains("ukraine territory +"));
    assertTrue(
        signs("The Kremlin said Kyiv would need to hand over land.")
            .contains("russia territory +"));
  }
}
