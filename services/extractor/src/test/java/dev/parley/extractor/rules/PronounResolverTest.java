package dev.parley.extractor.rules;

import static dev.parley.extractor.rules.Analysed.assertHolder;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link PronounResolver}: the party a pronoun stands for. */
class PronounResolverTest {

  @Test
  void heIsTheLastPersonNamedInTheParagraph() {
    Analysed t = new Analysed("Putin spoke on Monday. He rejected the peace plan.");
    assertHolder(t.pronouns().resolve(t.at("he")), Holder.Kind.PRONOUN, "russia");
  }

  @Test
  void aPronounWithNoPersonBeforeItIsNobody() {
    Analysed t = new Analysed("He rejected the peace plan.");
    assertNull(t.pronouns().resolve(t.at("he")));
  }

  @Test
  void itAfterAReportingVerbContinuesTheDocumentOfTheSentenceBefore() {
    Analysed t =
        new Analysed(
            "Talks resume",
            "The US plan has drawn criticism. Early reports suggested it would require Ukraine to"
                + " cede the Donbas region.");
    assertHolder(t.pronouns().resolve(t.at("it")), Holder.Kind.PRONOUN, "united_states");
    Analysed headline =
        new Analysed(
            "The US plan", "Early reports suggested it would require Ukraine to cede land.");
    assertNull(headline.pronouns().resolve(headline.at("it")), "the headline is no antecedent");
  }

  @Test
  void aWordThatIsNoPronounResolvesToNothing() {
    Analysed t = new Analysed("Putin rejected the peace plan.");
    assertNull(t.pronouns().resolve(t.at("rejected")));
  }
}
