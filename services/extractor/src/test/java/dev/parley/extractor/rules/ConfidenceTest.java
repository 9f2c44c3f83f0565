package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Confidence}: how surely a stance is what the words say. */
class ConfidenceTest {

  /** Kyiv's stance on the ceasefire in a one-sentence article. */
  private record KyivOnCeasefire(Analysed t, Mentions.Issue m, Holder kyiv, Confidence confidence) {

    static KyivOnCeasefire in(String body) {
      Analysed t = new Analysed(body);
      return new KyivOnCeasefire(
          t,
          t.issue("ceasefire"),
          t.holders().explicit(t.a.actorAt[t.at("kyiv")]),
          new Confidence(t.a, t.roles()));
    }

    double stated() {
      return confidence.of(kyiv, m, 1, 1, kyiv.token(), m.to(), t.sentenceOf("ceasefire"));
    }
  }

  @Test
  void aQuestionHalvesTheConfidence() {
    double stated = KyivOnCeasefire.in("Kyiv rejects a ceasefire.").stated();
    double asked = KyivOnCeasefire.in("Kyiv rejects a ceasefire?").stated();
    assertEquals(stated / 2, asked, 1e-9);
  }

  @Test
  void aHolderFoundByPronounIsTrustedLessThanANamedOne() {
    KyivOnCeasefire s = KyivOnCeasefire.in("Kyiv rejects a ceasefire.");
    Holder pronoun = new Holder(s.kyiv().actors(), "it", s.kyiv().token(), Holder.Kind.PRONOUN);
    assertTrue(
        s.confidence().ofCondition(pronoun, s.m()) < s.confidence().ofCondition(s.kyiv(), s.m()));
  }

  @Test
  void aStanceReadOffAConditionIsNeverCertain() {
    KyivOnCeasefire s = KyivOnCeasefire.in("Kyiv rejects a ceasefire.");
    assertTrue(s.confidence().ofCondition(s.kyiv(), s.m()) < s.stated());
  }
}
