package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Confidence}: how surely a stance is what the words say. */
class ConfidenceTest {

  private static double plainConfidence(String body) {
    Analysed t = new Analysed(body);
    Mentions.Issue m = t.issue("ceasefire");
    Holder kyiv = t.holders().explicit(t.a.actorAt[t.at("kyiv")]);
    return new Confidence(t.a, t.roles())
        .of(kyiv, m, 1, 1, kyiv.token(), m.to(), t.sentenceOf("ceasefire"));
  }

  @Test
  void aQuestionHalvesTheConfidence() {
    double stated = plainConfidence("Kyiv rejects a ceasefire.");
    double asked = plainConfidence("Kyiv rejects a ceasefire?");
    assertEquals(stated / 2, asked, 1e-9);
  }

  @Test
  void aHolderFoundByPronounIsTrustedLessThanANamedOne() {
    Analysed t = new Analysed("Kyiv rejects a ceasefire.");
    Mentions.Issue m = t.issue("ceasefire");
    Confidence confidence = new Confidence(t.a, t.roles());
    Holder named = t.holders().explicit(t.a.actorAt[t.at("kyiv")]);
    Holder pronoun = new Holder(named.actors(), "it", named.token(), Holder.Kind.PRONOUN);
    assertTrue(confidence.ofCondition(pronoun, m) < confidence.ofCondition(named, m));
  }

  @Test
  void aStanceReadOffAConditionIsNeverCertain() {
    Analysed t = new Analysed("Kyiv rejects a ceasefire.");
    Mentions.Issue m = t.issue("ceasefire");
    Confidence confidence = new Confidence(t.a, t.roles());
    Holder kyiv = t.holders().explicit(t.a.actorAt[t.at("kyiv")]);
    double stated = confidence.of(kyiv, m, 1, 1, kyiv.token(), m.to(), t.sentenceOf("ceasefire"));
    assertTrue(confidence.ofCondition(kyiv, m) < stated);
  }
}
