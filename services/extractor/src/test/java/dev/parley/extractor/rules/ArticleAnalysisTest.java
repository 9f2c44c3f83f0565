package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ArticleAnalysis}: the mentions and quotations the rules read. */
class ArticleAnalysisTest {

  @Test
  void aTitleAndANameAreOneMention() {
    Analysed t = new Analysed("Russian President Vladimir Putin rejected a ceasefire.");
    Mentions.Actor putin = t.a.actorAt[t.at("putin")];
    assertSame(putin, t.a.actorAt[t.at("russian")]);
    assertEquals("Russian President Vladimir Putin", putin.text());
    assertEquals(List.of("russia"), putin.actors());
    assertTrue(putin.person());
  }

  @Test
  void theDatelineCityNamesNoParty() {
    Analysed t = new Analysed("KYIV — Officials met on Monday.");
    assertNull(t.a.actorAt[t.at("kyiv")]);
  }

  @Test
  void aQuotationKnowsItsSpeaker() {
    Analysed t = new Analysed("\u201cWe reject a ceasefire,\u201d Peskov said.");
    assertEquals(List.of("russia"), t.a.quoteAt[t.at("we")].speaker().actors());
    assertTrue(t.a.isReporting(t.at("said")));
  }

  @Test
  void issuesAndCuesAreFoundInTheirSentence() {
    Analysed t = new Analysed("Kyiv rejects a ceasefire.");
    assertEquals("ceasefire", t.issue("ceasefire").phrase().issue());
    assertEquals(-2, t.cue("rejects").cue().stance());
  }
}
