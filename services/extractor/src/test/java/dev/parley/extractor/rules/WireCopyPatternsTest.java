package dev.parley.extractor.rules;

import static dev.parley.extractor.Extraction.signs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Patterns of real wire copy that the rules of rules-0.5 read, one nested class per rule, each with
 * invented sentences (the real articles are for evaluation only).
 */
class WireCopyPatternsTest {

  @Nested
  class RelativeClauses {
    @Test
    void thePartyAfterThatIsTheSubjectOfTheCue() {
      assertTrue(
          signs(
                  "The draft contained terms that Kyiv has long rejected as unacceptable, including"
                      + " ceding territory.")
              .contains("ukraine territory -"));
    }

    @Test
    void aCueJudgedAsUnacceptableIsOneRefusalNotTwo() {
      assertFalse(
          signs("Ukraine rejected as unacceptable any plan to cede territory.")
              .contains("ukraine territory +"));
    }

    @Test
    void theMentionIsTheObjectOfTheRelativeClauseAfterIt() {
      assertTrue(
          signs("Washington eyes the frozen Russian assets that Europe wants to use for Kyiv.")
              .contains("europe frozen_assets +"));
    }
  }

  @Nested
  class ClauseLimits {
    @Test
    void aCueOnAClaimJudgesTheSayingNotTheIssue() {
      assertFalse(
          signs(
                  "Rubio rejected the characterization, writing that the peace plan was written by"
                      + " Washington.")
              .contains("united_states peace_plan -"));
    }

    @Test
    void aReportingClauseEndsTheWalk() {
      Set<String> found =
          signs(
              "With Zelensky opposing land concessions, Witkoff told reporters that a land swap"
                  + " remains on the table.");
      assertFalse(found.contains("ukraine territory +"), found::toString);
      assertTrue(found.contains("united_states territory +"), found::toString);
    }

    @Test
    void anUnnamedMemberOfAGroupIsNoParty() {
      Set<String> found =
          signs(
              "Trump has blamed both Putin and Zelenskyy for prolonging the war, saying that one of"
                  + " the two leaders was seemingly not ready to reach a deal.");
      assertFalse(found.contains("russia peace_plan -"), found::toString);
      assertFalse(found.contains("ukraine peace_plan -"), found::toString);
    }

    @Test
    void aCueOpeningAnAdverbialGovernsWhatFollows() {
      assertFalse(
          signs(
                  "Europe would lead a reassurance force, and on Ukraine's insistence, American"
                      + " envoys met British officials.")
              .contains("ukraine security_guarantees +"));
    }

    @Test
    void anAppositiveAfterAClauseOfTimeSumsUpTheMainClause() {
      assertFalse(
          signs(
                  "Britain said allies would deploy troops once a deal is reached – a proposal"
                      + " Moscow has flatly rejected.")
              .contains("russia peace_plan -"));
    }
  }

  @Nested
  class IssueWordings {
    @Test
    void aUkrainianWithdrawalIsTerritory() {
      assertTrue(
          signs("Moscow is demanding a full Ukrainian military withdrawal from the east.")
              .contains("russia territory +"));
    }

    @Test
    void aGapMayHoldTheHyphenOfACompound() {
      assertTrue(
          signs("Washington seeks a pathway to end the nearly four-year war.")
              .contains("united_states peace_plan +"));
    }

    @Test
    void aConflictFrozenAlongTheLineIsACeasefire() {
      assertTrue(
          signs("Kyiv says the war should be frozen along the current front line.")
              .contains("ukraine ceasefire +"));
    }
  }

  @Nested
  class Parties {
    @Test
    void coordinatedAdjectivesShareTheirNoun() {
      Set<String> found = signs("Ukrainian and Russian negotiators rejected the peace plan.");
      assertTrue(found.contains("ukraine peace_plan -"), found::toString);
      assertTrue(found.contains("russia peace_plan -"), found::toString);
    }
  }

  @Nested
  class Requirements {
    @Test
    void refusingSomethingWithoutTheIssueRequiresIt() {
      assertTrue(
          signs("Ukraine said it would not sign a deal without security guarantees.")
              .contains("ukraine security_guarantees +"));
    }

    @Test
    void callingAMeasureEssentialDemandsIt() {
      assertTrue(
          signs("Witkoff called durable security guarantees essential to a lasting peace.")
              .contains("united_states security_guarantees +"));
    }

    @Test
    void thereCannotBeRejects() {
      assertTrue(
          signs(
                  "Ursula von der Leyen spoke on Sunday. “There cannot be limits on Ukraine’s"
                      + " army,” she said.")
              .contains("europe army_cap -"));
    }

    @Test
    void littleInterestOpposes() {
      assertTrue(
          signs("Moscow has little interest in a ceasefire.").contains("russia ceasefire -"));
    }

    @Test
    void notAfraidOfIsOpenTo() {
      assertTrue(
          signs("“We are not afraid of elections,” Zelensky said.")
              .contains("ukraine elections +"));
    }

    @Test
    void aLightVerbStandsBetweenTheSubjectAndItsCue() {
      assertTrue(
          signs("Trump was putting heavy pressure on Kyiv to accept the peace plan.")
              .contains("united_states peace_plan +"));
    }

    @Test
    void forceIsACueOnlyAsAVerbWithItsObject() {
      assertTrue(
          signs("Russia wants to force Kyiv to cede territory.").contains("russia territory +"));
      assertTrue(
          signs("Europe rejects any cap on Ukraine's armed forces.").contains("europe army_cap -"));
    }

    @Test
    void seeingAMeasureAsEssentialDemandsIt() {
      assertTrue(
          signs("Europe wants a ceasefire first, a step Kyiv sees as essential for elections.")
              .contains("ukraine elections +"));
    }

    @Test
    void notToleratingRejects() {
      assertTrue(
          signs("The Kremlin said it would not tolerate Western troops in Ukraine.")
              .contains("russia security_guarantees -"));
    }

    @Test
    void aJudgementMayFollowCoordinatedAdjectives() {
      assertTrue(
          signs("“The peace talks have been detailed and constructive,” Umerov said.")
              .contains("ukraine peace_plan +"));
    }

    @Test
    void productivePeaceTalksAreSupport() {
      assertTrue(signs("Kyiv called the peace talks productive.").contains("ukraine peace_plan +"));
    }
  }
}
