package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link Conditions}: the condition clauses an issue mention stands in. */
class ConditionsTest {

  private static Conditions.Clause around(Analysed t, String issueWord) {
    return new Conditions(t.a).around(t.issue(issueWord), t.sentenceOf(issueWord));
  }

  @Test
  void unlessSetsARequirement() {
    Analysed t = new Analysed("Kyiv will not accept a deal unless it gets security guarantees.");
    assertEquals(new Conditions.Clause(t.at("unless"), true), around(t, "guarantees"));
  }

  @Test
  void ifAloneIsAConditionAndOnlyIfARequirement() {
    Analysed plain = new Analysed("Kyiv will sign if a ceasefire holds.");
    assertEquals(new Conditions.Clause(plain.at("if"), false), around(plain, "ceasefire"));
    Analysed only = new Analysed("Kyiv will sign only if a ceasefire holds.");
    assertEquals(new Conditions.Clause(only.at("if"), true), around(only, "ceasefire"));
  }

  @Test
  void aConditionOpeningTheSentenceOrAConcessionSetsNothing() {
    assertNull(around(new Analysed("If a ceasefire holds, Kyiv will sign."), "ceasefire"));
    assertNull(around(new Analysed("Kyiv will sign even if a ceasefire fails."), "ceasefire"));
  }

  @Test
  void withoutMakesTheMentionWhatTheSentenceRequires() {
    Analysed opening = new Analysed("Without a ceasefire, there will be no talks.");
    assertEquals(
        opening.at("without"),
        new Conditions(opening.a)
            .openingWithout(opening.issue("ceasefire"), opening.sentenceOf("ceasefire")));
    Analysed refused = new Analysed("Kyiv would not sign anything without security guarantees.");
    assertEquals(
        refused.at("without"),
        new Conditions(refused.a)
            .refusedWithout(refused.issue("guarantees"), refused.sentenceOf("guarantees")));
  }
}
