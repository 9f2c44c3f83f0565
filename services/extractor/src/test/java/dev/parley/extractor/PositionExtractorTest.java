package dev.parley.extractor;

import static dev.parley.extractor.Extraction.EXTRACTOR;
import static dev.parley.extractor.Extraction.extract;
import static dev.parley.extractor.Extraction.signs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.extractor.rules.ExtractedPosition;
import dev.parley.extractor.text.ArticleText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One invented sentence (or two) per linguistic pattern the extractor handles. The wording is
 * deliberately unlike the shared samples, so these guard the rules rather than the samples.
 * Positions are written as {@link Extraction#signs} writes them.
 */
class PositionExtractorTest {

  static ExtractedPosition only(String body, String actor, String issue) {
    List<ExtractedPosition> found =
        extract(body).stream()
            .filter(p -> p.actor().equals(actor) && p.issue().equals(issue))
            .toList();
    assertEquals(
        1, found.size(), () -> "expected one " + actor + "/" + issue + " in " + extract(body));
    return found.get(0);
  }

  @Nested
  class AliasesAndMetonyms {
    @Test
    void datelineCityIsNoSpeaker() {
      assertTrue(
          signs("WASHINGTON — A senior senator said he backs lifting sanctions on Moscow.")
              .isEmpty());
      assertEquals(
          Set.of("russia ceasefire -"),
          signs(
              "KYIV, Ukraine (AP) — The Kremlin turned down a holiday truce, "
                  + "and Moscow again refused any ceasefire."));
    }

    @Test
    void kremlinStandsForRussia() {
      assertEquals(
          Set.of("russia security_guarantees -"),
          signs(
              "The Kremlin on Friday rejected any deployment of European peacekeepers in Ukraine."));
    }

    @Test
    void capitalCityStandsForGovernment() {
      assertEquals(
          Set.of("russia territory +"),
          signs("Moscow insists on control of the whole of Donetsk."));
    }

    @Test
    void whiteHouseStandsForUnitedStates() {
      assertEquals(
          Set.of("united_states frozen_assets +"),
          signs("The White House backs using frozen Russian assets to rebuild Ukraine."));
    }

    @Test
    void groupAliasNamesSeveralParties() {
      assertEquals(
          Set.of("united_states sanctions_relief -", "europe sanctions_relief -"),
          signs("Western allies oppose any easing of sanctions before a full withdrawal."));
    }

    @Test
    void titleAndNameAreOneMention() {
      ExtractedPosition p =
          only(
              "Ukrainian President Volodymyr Zelenskyy has ruled out holding elections during martial law.",
              "ukraine",
              "elections");
      assertTrue(p.stance() < 0);
      assertEquals("Ukrainian President Volodymyr Zelenskyy", p.speaker());
    }

    @Test
    void lowerCaseUsIsNotTheUnitedStates() {
      assertTrue(
          signs("“Let us reject any ceasefire that freezes nothing,” a soldier said.").isEmpty());
    }

    @Test
    void headlineIsSearchedToo() {
      List<ExtractedPosition> found =
          EXTRACTOR.extract("Kremlin rejects European peacekeepers", "Talks continue.");
      assertEquals(1, found.size());
      assertEquals("russia", found.get(0).actor());
      assertEquals(0, found.get(0).start());
    }
  }

  @Nested
  class BackReference {
    @Test
    void heRefersToTheLastNamedPerson() {
      ExtractedPosition p =
          only(
              "Zelensky met Macron in Paris on Monday. He said he would never give up the Donbas.",
              "ukraine",
              "territory");
      assertEquals(-2, p.stance());
      assertEquals("Zelensky", p.speaker());
    }

    @Test
    void theyRefersToTheLastNamedGroup() {
      assertEquals(
          Set.of("ukraine peace_plan -"),
          signs(
              "Ukrainian negotiators arrived in Geneva on Sunday. They rejected the 28-point plan as a capitulation."));
    }

    @Test
    void titleRefersToThePartyItBelongsTo() {
      assertEquals(
          Set.of("russia ceasefire +"),
          signs(
              "Putin spoke to reporters in Bishkek. The Russian leader said Moscow was open to a truce."));
    }

    @Test
    void itsRefersWithinTheSentence() {
      ExtractedPosition p =
          only(
              "Moscow repeated its demand for the lifting of Western sanctions.",
              "russia",
              "sanctions_relief");
      assertEquals(2, p.stance());
    }
  }

  @Nested
  class Quotes {
    @Test
    void speakerAfterTheQuote() {
      ExtractedPosition p =
          only(
              "“We will not accept any limits on the size of our army,” Zelenskyy told reporters.",
              "ukraine",
              "army_cap");
      assertTrue(p.stance() < 0);
    }

    @Test
    void speakerBeforeTheQuote() {
      ExtractedPosition p =
          only(
              "Lavrov said: “Western troops on Ukrainian soil are unacceptable to us.”",
              "russia",
              "security_guarantees");
      assertEquals(-2, p.stance());
    }

    @Test
    void quoteSpanningSentences() {
      assertEquals(
          Set.of("ukraine peace_plan +"),
          signs(
              "“The new draft is a good basis. We are ready to sign it soon,” Umerov said on Friday."));
    }

    @Test
    void speakerAfterAQuoteWithALongTitle() {
      assertEquals(
          Set.of("russia security_guarantees -"),
          signs(
              "“Western boots on the ground are a non-starter,” "
                  + "Russian Foreign Ministry spokeswoman Maria Zakharova told a briefing."));
    }

    @Test
    void quotedBystanderIsNoParty() {
      assertTrue(
          signs(
                  "“I want the war to end and I would support any ceasefire,” said Olena Petrenko, a teacher in Kharkiv.")
              .isEmpty());
    }
  }

  @Nested
  class ReportedSpeech {
    @Test
    void possessorOfAPlainNounIsNoSpeaker() {
      assertEquals(
          Set.of("russia elections +"),
          signs(
              "Lavrov said Zelensky's term had run out and that Ukraine has to hold new elections."));
    }

    @Test
    void cueOfASiblingThatClauseDoesNotReachAcrossAndThat() {
      Set<String> found =
          signs(
              "Rubio told reporters that Europe had no veto and that Ukraine will not be a member of NATO.");
      assertTrue(found.stream().noneMatch(p -> p.startsWith("europe")), found::toString);
    }

    @Test
    void issueThatMustBeDoneIsTheReportersDemand() {
      assertEquals(
          Set.of("russia elections +"),
          signs("Zakharova said a fresh presidential election has to be held first."));
    }

    @Test
    void spokespersonSpeaksForWhoeverTheyBelongTo() {
      assertEquals(
          Set.of("united_states territory +"),
          signs("Trump's special envoy said Kyiv must give up the Donbas."));
    }

    @Test
    void mustAfterAReportingVerbIsTheReportersDemand() {
      assertEquals(
          Set.of("russia territory +"),
          signs(
              "The Kremlin spokesman stressed that Ukrainian units must withdraw from Zaporizhzhia."));
    }

    @Test
    void saidThatClause() {
      assertEquals(
          Set.of("europe frozen_assets +"),
          signs("Von der Leyen said the EU supports a reparations loan for Kyiv."));
    }

    @Test
    void evaluationInsideReportedClause() {
      assertEquals(
          Set.of("russia peace_plan +", "united_states peace_plan +"),
          signs(
              "Ushakov told state television that the American blueprint could serve as a starting basis."));
    }

    @Test
    void onlyJudgementsOfTheSubjectBelongToTheReporter() {
      assertTrue(signs("Zelensky said the truce would need a monitoring mission.").isEmpty());
    }

    @Test
    void bystanderAsideKeepsTheClausesSubject() {
      assertEquals(
          Set.of("ukraine ceasefire +", "ukraine territory -"),
          signs(
              "Kyiv is ready for a truce, diplomats say, "
                  + "but will never hand over the Donbas."));
    }

    @Test
    void futurePassiveIsTheSpeakersRefusal() {
      ExtractedPosition p =
          only(
              "Lavrov said that Western peacekeepers can never be accepted.",
              "russia",
              "security_guarantees");
      assertEquals(-2, p.stance());
    }

    @Test
    void pastPassiveWithoutAgentIsNoStance() {
      assertTrue(signs("Lavrov said that the peacekeeping plan was rejected last year.").isEmpty());
    }

    @Test
    void timePhraseIsNoNewClause() {
      assertEquals(
          Set.of("russia ceasefire -"),
          signs("A truce before a final settlement is out of the question, Peskov said."));
    }

    @Test
    void cueNounWithARelativeClauseHolder() {
      assertEquals(
          Set.of("russia nato -"),
          signs(
              "The text is silent on Ukraine's neutrality, a demand Moscow has made for months."));
    }

    @Test
    void placeAfterAPrepositionIsNoBystander() {
      assertEquals(
          Set.of("europe security_guarantees +"),
          signs(
              "Ministers gathering in Madrid pledged to station "
                  + "peacekeepers in Ukraine, Kallas said."));
    }

    @Test
    void accordingTo() {
      ExtractedPosition p =
          only(
              "A ceasefire along the current front is acceptable, according to the Kremlin.",
              "russia",
              "ceasefire");
      assertTrue(p.stance() > 0);
      assertTrue(p.confidence() < 0.9, "attributed, not stated: " + p);
    }

    @Test
    void trailingSaidAside() {
      assertEquals(
          Set.of("ukraine security_guarantees +"),
          signs("Any settlement must include binding security guarantees, Sybiha insisted."));
    }

    @Test
    void possessiveDemandsAreReportedPositions() {
      ExtractedPosition p =
          only(
              "Russia's core demands include the withdrawal of Ukrainian forces from the Donbas.",
              "russia",
              "territory");
      assertEquals(2, p.stance());
    }

    @Test
    void passiveAgents() {
      assertEquals(
          Set.of("europe peace_plan +", "russia peace_plan -"),
          signs("The roadmap was welcomed by European governments but rejected by Moscow."));
    }
  }

  @Nested
  class NegationAndPolarity {
    @Test
    void noLongerInFavour() {
      ExtractedPosition p =
          only("Trump is no longer in favour of Ukraine joining NATO.", "united_states", "nato");
      assertEquals(-2, p.stance());
    }

    @Test
    void negatedRejectionIsMildSupport() {
      ExtractedPosition p =
          only("Kyiv did not reject the proposal outright.", "ukraine", "peace_plan");
      assertEquals(1, p.stance());
    }

    @Test
    void negatedActByItsSubject() {
      assertEquals(
          Set.of("united_states sanctions_relief -"),
          signs("Rubio told reporters that Washington would not lift sanctions on Russia."));
    }

    @Test
    void demandToAbandonIsAgainst() {
      ExtractedPosition p =
          only("Moscow demanded that Kyiv renounce its bid to join NATO.", "russia", "nato");
      assertEquals(-2, p.stance());
    }

    @Test
    void rejectingACallForNeutralityIsFor() {
      assertEquals(
          Set.of("ukraine nato +", "russia nato -"),
          signs("Ukraine rejected Russia's call for neutrality."));
    }

    @Test
    void intensifierStrengthensOpposition() {
      ExtractedPosition p =
          only(
              "Budapest aside, Germany firmly opposes the confiscation of Russian reserves.",
              "europe",
              "frozen_assets");
      assertEquals(-2, p.stance());
    }
  }

  @Nested
  class Lists {
    @Test
    void trailingRejectionCoversEveryListedTerm() {
      assertEquals(
          Set.of("ukraine elections -", "ukraine sanctions_relief -", "ukraine ceasefire -"),
          signs(
              "The draft would require Ukraine to hold elections within 100 days, lift sanctions on Russia "
                  + "in stages and freeze the front line — provisions that Kyiv opposes."));
    }

    @Test
    void eachItemKeepsItsOwnVerb() {
      Set<String> found =
          signs(
              "The Kremlin wants Kyiv to surrender the rest of Donetsk, drop its NATO ambitions "
                  + "and guarantee the status of the Russian language, conditions Ukrainian officials call unacceptable.");
      assertTrue(
          found.containsAll(
              Set.of("russia territory +", "russia nato -", "russia russian_culture +")),
          found::toString);
      assertFalse(found.contains("russia russian_culture -"), found::toString);
    }

    @Test
    void conditionsHeldByTheirOwnerAndRejectedByAnother() {
      Set<String> found =
          signs(
              "Among Moscow's conditions are Ukraine's withdrawal from Donetsk and a ban on "
                  + "Western troops, both of which Kyiv has rejected.");
      assertEquals(
          Set.of(
              "russia territory +",
              "russia security_guarantees -",
              "ukraine territory -",
              "ukraine security_guarantees +"),
          found);
    }
  }

  @Nested
  class CoordinatedPredicates {
    @Test
    void siblingPredicateSharesTheSubjectNotTheStance() {
      assertEquals(
          Set.of("russia ceasefire +"),
          signs("Moscow on Friday rejected the accusations and demanded a ceasefire."));
    }

    @Test
    void headlineWithTwoPredicates() {
      assertEquals(
          Set.of("ukraine territory -", "ukraine security_guarantees +"),
          signs("Kyiv rejects land swap, repeats call for security guarantees"));
    }

    @Test
    void cueBeforeButKeepsItsOwnObject() {
      assertEquals(
          Set.of("russia security_guarantees -"),
          signs("Moscow is ready for dialogue, but foreign peacekeepers remain a red line."));
    }

    @Test
    void relativeClauseAfterAnObjectSkipsTheSubject() {
      assertEquals(
          Set.of("europe sanctions_relief -"),
          signs("The roadmap envisages an easing of sanctions, something Brussels opposes."));
    }
  }

  @Nested
  class Causatives {
    @Test
    void thePushedPartyIsNotTheHolder() {
      assertEquals(
          Set.of("united_states ceasefire +"),
          signs("Washington is pressing Kyiv to accept a ceasefire along the current lines."));
    }

    @Test
    void hyphenatedBacker() {
      assertEquals(
          Set.of("europe security_guarantees +"),
          signs("Officials discussed an EU-backed reassurance force for the day after."));
    }
  }

  @Nested
  class PartiesOwnDocuments {
    @Test
    void possessiveDocumentHoldsWhatItCallsFor() {
      assertEquals(
          Set.of("russia ceasefire +"),
          signs("Moscow's counter-proposal calls for a freeze of the front line."));
    }

    @Test
    void adjectiveNamesTheDocumentsOwner() {
      assertEquals(
          Set.of("europe elections +"),
          signs("The British draft would require Kyiv to hold elections within a year."));
      assertEquals(
          Set.of("russia army_cap +"),
          signs("The Kremlin blueprint would compel Ukraine to shrink its armed forces."));
    }

    @Test
    void underADocumentTheSentenceStatesItsContent() {
      assertEquals(
          Set.of("europe nato +"),
          signs("Under the European text, Ukraine would keep its path to NATO."));
      assertEquals(
          Set.of("united_states nato -", "united_states peace_plan +"),
          signs("Under Washington's draft, Ukraine would never join NATO."));
    }

    @Test
    void documentForSomethingProposesIt() {
      assertEquals(
          Set.of("europe frozen_assets +"),
          signs("Brussels unveiled plans for a reparations loan on Thursday."));
      assertEquals(
          Set.of("europe security_guarantees +"),
          signs("Germany's proposal to deploy peacekeepers drew praise."));
    }

    @Test
    void rejectingAPartysPlanOpposesWhatItProposes() {
      assertEquals(
          Set.of("russia nato -", "ukraine nato +"),
          signs("Kyiv rejected Moscow's plan for neutral status."));
    }

    @Test
    void documentOwnedByWhoeverDraftedIt() {
      assertEquals(
          Set.of("russia ceasefire -"),
          signs("The memorandum drafted by Russian negotiators rules out a truce."));
    }

    @Test
    void documentSomeoneHasSeenIsNoSubject() {
      assertEquals(
          Set.of("russia peace_plan -", "united_states peace_plan +"),
          signs(
              "Lavrov said Moscow had seen the U.S. draft and would reject "
                  + "any peace deal on those terms."));
    }

    @Test
    void theDraftRefersToTheLastNamedPartysDocument() {
      ExtractedPosition p =
          only(
              "Washington circulated a U.S. draft on Monday. The draft calls for lifting sanctions in stages.",
              "united_states",
              "sanctions_relief");
      assertTrue(p.stance() > 0);
      assertTrue(p.confidence() < 0.7, "a document referred back to is less certain: " + p);
    }

    @Test
    void documentAboutAnotherIssueIsNotThePeacePlan() {
      assertEquals(
          Set.of("europe frozen_assets +"),
          signs("The European Commission put forward a proposal to seize frozen Russian assets."));
      assertTrue(signs("Russia will not sign any deal, Peskov said.").isEmpty());
    }

    @Test
    void documentJudgedByACueIsNoHolder() {
      assertEquals(
          Set.of("russia peace_plan +", "united_states peace_plan +"),
          signs("Putin said the American framework could serve as a basis for talks."));
    }
  }

  @Nested
  class Wordings {
    @Test
    void postponingIsAgainst() {
      assertEquals(
          Set.of("ukraine elections -"),
          signs("The Rada voted on Tuesday to postpone the presidential election."));
    }

    @Test
    void startingPointIsAJudgementOfItsSubject() {
      assertEquals(
          Set.of("russia peace_plan +", "united_states peace_plan +"),
          signs("Peskov said the American blueprint was a possible starting point."));
    }

    @Test
    void aSanctionsPackageIsNoRelief() {
      assertEquals(
          Set.of("europe sanctions_relief -"),
          signs("Brussels will propose a new package of sanctions on Russian banks."));
    }

    @Test
    void needIsADemand() {
      assertEquals(
          Set.of("ukraine security_guarantees +"),
          signs("Zelensky said Ukraine needs security guarantees before any truce."));
    }

    @Test
    void outOfTheQuestion() {
      assertEquals(
          Set.of("russia security_guarantees -"),
          signs("A NATO-led mission on Ukrainian soil is out of the question, Lavrov said."));
    }

    @Test
    void neverAllow() {
      assertEquals(
          Set.of("ukraine russian_culture -"),
          signs("Kyiv will never allow Russian to become an official language."));
    }

    @Test
    void foreseeingIsProposing() {
      assertEquals(
          Set.of("united_states sanctions_relief +", "united_states peace_plan +"),
          signs("Washington's framework foresees easing sanctions on Russian banks."));
    }

    @Test
    void intendingIsWanting() {
      assertEquals(
          Set.of("ukraine nato +"),
          signs("Kyiv intends to keep its bid for NATO membership alive."));
    }

    @Test
    void unworkableIsARejection() {
      assertEquals(
          Set.of("ukraine nuclear_plant -"),
          signs("Ukrainian officials said a shared management of the ZNPP was unworkable."));
    }

    @Test
    void callingItTheftIsARejection() {
      assertEquals(
          Set.of("russia frozen_assets -"),
          signs("Moscow said any confiscation of its central bank reserves would be theft."));
    }

    @Test
    void namingVerbsJudgeTheirObject() {
      assertEquals(
          Set.of("russia frozen_assets -"),
          signs("Moscow branded the seizure of its frozen reserves as theft."));
      assertEquals(
          Set.of("ukraine peace_plan +"),
          signs("Zelensky called the peace plan a starting point."));
      assertEquals(
          Set.of("ukraine ceasefire +"),
          signs("Kyiv considers a ceasefire along the current line a precondition for talks."));
    }

    @Test
    void relativeClauseNamingTheMention() {
      assertEquals(
          Set.of("europe security_guarantees +", "russia security_guarantees -"),
          signs(
              "Britain wants peacekeepers on the Dnipro, an idea Moscow has long described as unacceptable."));
    }

    @Test
    void appositiveProposalSumsUpTheClauseBeforeIt() {
      Set<String> found =
          signs(
              "Rubio suggested that all three countries jointly manage the ZNPP, a proposal Kyiv has called a non-starter.");
      assertFalse(found.contains("ukraine peace_plan -"), found::toString);
    }

    @Test
    void makingItADemand() {
      assertEquals(
          Set.of("russia sanctions_relief +"),
          signs("The Kremlin has made an easing of sanctions a firm condition of any settlement."));
    }

    @Test
    void aLaterVerbIsNoCompletionOfTheNamingVerb() {
      Set<String> found =
          signs("Kyiv will consider the proposal carefully but rejects the clause on Crimea.");
      assertFalse(found.contains("ukraine peace_plan -"), found::toString);
    }

    @Test
    void aPartyAfterTheMentionKeepsItsOwnCue() {
      assertEquals(
          Set.of("russia ceasefire -"),
          signs("Trump called the truce, which Putin rejected, a good idea."));
    }

    @Test
    void judgementForAPartyIsThatPartysStance() {
      assertEquals(
          Set.of("russia security_guarantees -"),
          signs("Any European troops are a non-starter for the Kremlin."));
      assertEquals(
          Set.of("united_states ceasefire +"),
          signs(
              "A ceasefire along the current line would be acceptable to Washington, a diplomat said."));
      assertEquals(
          Set.of("europe peace_plan +"),
          signs("The draft is a good basis for Ukraine's security, Macron said."));
    }

    @Test
    void sanctionsWantedLifted() {
      assertEquals(
          Set.of("russia sanctions_relief +"),
          signs("Moscow wants the curbs and sanctions on its oil exports eased."));
    }

    @Test
    void restrictionsOnRussiaAreSanctions() {
      assertEquals(
          Set.of("united_states sanctions_relief +"),
          signs("The White House is open to relaxing restrictions on Russian fertiliser exports."));
      assertEquals(
          Set.of("russia russian_culture +"),
          signs("The Kremlin wants Kyiv to lift restrictions on the Ukrainian Orthodox Church."));
    }

    @Test
    void capitalCitiesOfEuropeanPowers() {
      assertEquals(
          Set.of("europe security_guarantees +"),
          signs(
              "Berlin and Paris are prepared to station a brigade of troops from European armies in Ukraine."));
    }

    @Test
    void territorialGainsAndTerms() {
      assertEquals(
          Set.of("europe territory -"),
          signs("Brussels will not recognise Russia's territorial gains, Kallas said."));
      assertEquals(
          Set.of("ukraine territory -"), signs("Kyiv rejected Moscow's territorial demands."));
    }

    @Test
    void aDemilitarisedZoneIsNoArmyCap() {
      assertEquals(
          Set.of("ukraine territory +"),
          signs("Kyiv said it was open to a demilitarised zone along the front."));
      assertEquals(
          Set.of("russia army_cap +"), signs("Moscow still wants to demilitarize Ukraine."));
    }

    @Test
    void irregularPastForms() {
      assertEquals(
          Set.of("ukraine nato +"), signs("Kyiv has never given up hope of membership of NATO."));
      assertEquals(
          Set.of("russia territory +"),
          signs("The Kremlin demanded that Kyiv be the one that withdrew from Donetsk."));
    }

    @Test
    void memberOfTheAlliance() {
      assertEquals(
          Set.of("ukraine nato +"),
          signs("Sybiha said Kyiv still wants to become a member of NATO one day."));
    }

    @Test
    void firstNameJoinsTheMention() {
      assertEquals(
          Set.of("united_states ceasefire +", "russia ceasefire +"),
          signs("Steve Witkoff and Kirill Dmitriev jointly floated a ceasefire."));
    }
  }

  @Nested
  class Conditions {
    @Test
    void unlessNamesWhatTheHolderRequiresAndLiftsTheRefusal() {
      List<ExtractedPosition> found =
          extract(
              "Kyiv will not sign a ceasefire unless it includes an international "
                  + "peacekeeping mission, Umerov said.");
      assertEquals(Set.of("ukraine security_guarantees +", "ukraine ceasefire +"), signs(found));
      assertTrue(
          found.stream().allMatch(p -> p.confidence() < 0.7),
          "inferred from a condition: " + found);
    }

    @Test
    void untilNamesWhatTheHolderWaitsForNotTheOthersStance() {
      Set<String> found =
          signs("The EU will keep sanctions in force until Moscow accepts a truce.");
      assertTrue(
          found.contains("europe ceasefire +") && !found.contains("russia ceasefire +"),
          found::toString);
    }

    @Test
    void onlyIfIsARequirement() {
      assertEquals(
          Set.of("russia ceasefire +", "russia sanctions_relief +"),
          signs("Moscow would only agree to a truce if Washington lifts sanctions first."));
    }

    @Test
    void onlyEarlierInTheClauseMakesIfARequirement() {
      ExtractedPosition p =
          only(
              "Kyiv will only sign if Europe deploys peacekeepers.",
              "ukraine",
              "security_guarantees");
      assertEquals(2, p.stance());
    }

    @Test
    void judgementAfterAnotherReportIsNotAboutTheMention() {
      assertEquals(
          Set.of("russia ceasefire -"),
          signs(
              "“There will be no deal,” Lavrov told reporters, adding that "
                  + "a truce was not on the table."));
    }

    @Test
    void ifAfterARefusalOpposesTheCondition() {
      assertEquals(
          Set.of("russia security_guarantees -"),
          signs("Russia would reject any settlement if it brought European troops into Ukraine."));
    }

    @Test
    void evenIfSetsNoCondition() {
      assertTrue(
          signs("Kyiv will keep fighting even if Washington lifts sanctions on Moscow.").isEmpty());
    }

    @Test
    void openingWithoutIsARequirement() {
      assertEquals(
          Set.of("russia territory +"),
          signs("“Without a full withdrawal from Kherson, there can be no talks,” Lavrov said."));
    }
  }

  @Nested
  class Interviews {
    @Test
    void answersBelongToTheIntervieweeAndQuestionsToNobody() {
      String body =
          "Kaja Kallas, the EU's foreign policy chief, spoke to us in Brussels.\n"
              + "Should Ukraine give up land?\n"
              + "No. We will never accept a border drawn by force.\n"
              + "What about sanctions?\n"
              + "We oppose any easing of sanctions while the war goes on.\n"
              + "And the frozen reserves?\n"
              + "I support a reparations loan for Kyiv.";
      assertEquals(
          Set.of("europe sanctions_relief -", "europe frozen_assets +"),
          signs(EXTRACTOR.extract("An interview", body)));
    }

    @Test
    void writersQuestionIsNoPosition() {
      assertTrue(signs("Will Kyiv accept a ceasefire?").isEmpty());
    }

    @Test
    void columnistsFirstPersonIsNoParty() {
      assertTrue(
          signs("I support a reparations loan, and so should every European government.")
              .isEmpty());
    }
  }

  @Nested
  class StatedActs {
    @Test
    void documentDoingTheIssueProposesIt() {
      assertEquals(
          Set.of("russia army_cap +", "russia peace_plan +"),
          signs("The Russian blueprint limits the size of Ukraine's military."));
      assertEquals(
          Set.of("ukraine peace_plan +"),
          signs("The Ukrainian draft left the question of NATO membership open."),
          "a party's draft is backed by it, but says nothing of NATO");
    }

    @Test
    void partyCommittingToAnAct() {
      ExtractedPosition p =
          only("The EU would keep sanctions in force, Kallas said.", "europe", "sanctions_relief");
      assertTrue(p.stance() < 0 && p.confidence() < 0.7, p::toString);
    }

    @Test
    void claimAboutAnotherPartyIsNoCommitment() {
      assertTrue(signs("Putin said Ukraine would cede Donbas within months.").isEmpty());
    }

    @Test
    void refusalClaimedByAnotherPartyIsNotTheSubjects() {
      assertTrue(
          signs("Hegseth told the hearing that Kyiv would never become a member of NATO.")
              .isEmpty());
      assertEquals(
          Set.of("ukraine territory -"), signs("Umerov said Kyiv will not surrender Luhansk."));
    }
  }

  @Nested
  class LowerConfidence {
    @Test
    void conditionalStance() {
      ExtractedPosition p =
          only(
              "If Russia agreed to a ceasefire, talks on other issues could start.",
              "russia",
              "ceasefire");
      assertTrue(p.confidence() < 0.7, p::toString);
    }

    @Test
    void supersededDraft() {
      double old =
          only("Kyiv rejected the original peace plan.", "ukraine", "peace_plan").confidence();
      double current =
          only("Kyiv rejected the revised peace plan.", "ukraine", "peace_plan").confidence();
      assertTrue(old < 0.7 && current >= 0.7, old + " vs " + current);
    }

    @Test
    void earlierPressure() {
      ExtractedPosition p =
          only(
              "Trump had previously pressed Kyiv to sign the peace deal.",
              "united_states",
              "peace_plan");
      assertTrue(p.confidence() < 0.7, p::toString);
    }

    @Test
    void worriesAreNotPositions() {
      List<ExtractedPosition> found =
          extract("Diplomats worry that Washington could demand a ceasefire by March.");
      assertTrue(found.stream().noneMatch(p -> p.confidence() >= 0.7), found::toString);
    }

    @Test
    void whetherQuestionIsNoStance() {
      assertTrue(
          signs("Diplomats are probing whether Kyiv is prepared to cede territory.").isEmpty());
    }
  }

  @Nested
  class NotPositions {
    @Test
    void columnistsShouldIsNoPartysDemand() {
      assertTrue(
          signs("Europe has dithered for too long, and the EU should back a reparations loan.")
              .isEmpty());
    }

    @Test
    void analystsAreNoParty() {
      assertTrue(signs("Analysts say Russia is unlikely to accept any ceasefire.").isEmpty());
    }

    @Test
    void journalistsJudgementIsNoPosition() {
      assertTrue(
          signs("The proposal was widely seen as a capitulation that would reward aggression.")
              .isEmpty());
    }

    @Test
    void plansWithoutAPartyAreNoPosition() {
      assertTrue(
          signs("Such a deal would effectively force Ukraine to give up territory.").isEmpty());
    }

    @Test
    void partyAsTopicIsNoHolder() {
      assertTrue(signs("Witkoff met Putin on Tuesday to discuss the peace plan.").isEmpty());
    }
  }

  @Test
  void evidenceOffsetsPointAtTheSentence() {
    String headline = "Talks in Geneva";
    String body =
        "Delegations met for hours. Kyiv rejected any territorial concessions. Talks resume Monday.";
    ExtractedPosition p = EXTRACTOR.extract(headline, body).get(0);
    String text = ArticleText.of(headline, body);
    assertEquals("Kyiv rejected any territorial concessions.", text.substring(p.start(), p.end()));
    assertEquals(p.sentence(), text.substring(p.start(), p.end()));
    assertEquals("rejected", p.cue());
    assertEquals("Kyiv", p.speaker());
  }
}
