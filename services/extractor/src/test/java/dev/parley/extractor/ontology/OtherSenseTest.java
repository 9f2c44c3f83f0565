package dev.parley.extractor.ontology;

import static dev.parley.extractor.Extraction.signs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ontology's otherSenses: wordings that contain an issue phrase but mean something else. */
class OtherSenseTest {

  @Test
  void anEconomicDealIsNoPeacePlan() {
    assertTrue(
        signs("The Kremlin envoy proposed an economic deal worth billions to Washington.")
            .isEmpty());
    assertTrue(
        signs("Brussels rejected the business deals that the White House had floated.").isEmpty());
  }

  @Test
  void aLoanGuaranteeIsNoSecurityGuarantee() {
    assertTrue(signs("The EU backed the loan guarantees for Kyiv's budget.").isEmpty());
    assertTrue(
        signs("Brussels supports borrowing guaranteed by the EU budget for Ukraine.").isEmpty());
  }

  @Test
  void aTruceOnOneKindOfStrikeIsNoCeasefire() {
    assertTrue(signs("Kyiv accused Moscow of breaking a US-backed energy truce.").isEmpty());
    assertTrue(
        signs("The Kremlin proposed an infrastructure ceasefire covering power plants.").isEmpty());
  }

  @Test
  void thePeacePlanStillCounts() {
    assertEquals(
        Set.of("russia peace_plan -"),
        signs("Moscow rejected the peace deal and the economic deal alike."));
  }
}
