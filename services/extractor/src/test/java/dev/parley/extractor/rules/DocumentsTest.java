package dev.parley.extractor.rules;

import static dev.parley.extractor.Extraction.signs;
import static dev.parley.extractor.rules.Analysed.assertHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Documents}: whose plan or draft a document noun is. */
class DocumentsTest {

  @Test
  void aPossessorOwnsTheDocument() {
    Analysed t = new Analysed("Kyiv's draft calls for a ceasefire.");
    assertHolder(t.documents().ownerAt(t.at("draft")), Holder.Kind.DOCUMENT, "ukraine");
  }

  @Test
  void theDraftRefersToTheDocumentNamedLast() {
    Analysed t =
        new Analysed("Moscow's draft was sent on Monday. The draft also demands a ceasefire.");
    assertHolder(t.documents().ownerAt(t.at("draft", 2)), Holder.Kind.REFERRED_DOCUMENT, "russia");
  }

  @Test
  void aDraftNobodyNamedHasNoOwner() {
    Analysed t = new Analysed("A draft was sent on Monday.");
    assertNull(t.documents().ownerAt(t.at("draft")));
  }

  @Test
  void numberedPointsAfterAPlanAreFramedByIt() {
    Analysed t =
        new Analysed(
            "Here is Washington's 28-point plan.\n"
                + "1. Ukraine's sovereignty will be confirmed.\n"
                + "2. Ukraine agrees that it will not join NATO.\n"
                + "Zelensky rejected the NATO clause.");
    assertHolder(
        t.documents().frame(t.sentenceOf("agrees")), Holder.Kind.DOCUMENT, "united_states");
    assertNull(t.documents().frame(t.sentenceOf("zelensky")), "the list ended");
    assertEquals(Set.of("united_states nato -"), signsIn(t, "agrees"));
  }

  @Test
  void numberedLinesWithoutAPlanBeforeThemAreFramedByNothing() {
    Analysed t = new Analysed("Talks went on.\n1. Ukraine will receive security guarantees.");
    assertNull(t.documents().frame(t.sentenceOf("receive")));
  }

  @Test
  void theNegotiationsSubjectBeforePeaceOwnsNoPlan() {
    Analysed t = new Analysed("The Ukraine peace plan was discussed.");
    assertNull(t.documents().ownerAt(t.at("plan")));
    Analysed owned = new Analysed("Trump's Ukraine peace plan was discussed.");
    assertHolder(
        owned.documents().ownerAt(owned.at("plan")), Holder.Kind.DOCUMENT, "united_states");
  }

  @Test
  void aPluralsPossessiveMarkNamesTheOwner() {
    Analysed t = new Analysed("Kallas welcomed the United States' initiative.");
    assertHolder(t.documents().ownerAt(t.at("initiative")), Holder.Kind.DOCUMENT, "united_states");
  }

  @Test
  void hisPlanIsThePlanOfThePersonNamedBefore() {
    Analysed t = new Analysed("Trump gave Ukraine a week to approve his controversial plan.");
    assertHolder(t.documents().ownerAt(t.at("plan")), Holder.Kind.DOCUMENT, "united_states");
  }

  @Test
  void theNumberedPlanRefersToThePlanNamedLast() {
    Analysed t =
        new Analysed("Trump's plan was sent on Monday. The 28-point plan caps Ukraine's army.");
    assertHolder(
        t.documents().ownerAt(t.at("plan", 2)), Holder.Kind.REFERRED_DOCUMENT, "united_states");
  }

  private static Set<String> signsIn(Analysed t, String word) {
    int start = t.sentenceOf(word).start();
    return signs(PositionFinder.find(t.a).stream().filter(p -> p.start() == start).toList());
  }
}
