package dev.parley.extractor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Article text layout, sentence splitting and stemming, the ground the rules stand on. */
class TextBasicsTest {

  @Test
  void articleTextJoinsHeadlineAndBody() {
    assertEquals("Headline\nBody text.", ArticleText.of("Headline", "Body text."));
    assertEquals("\nBody text.", ArticleText.of(null, "Body text."));
  }

  @Test
  void sentencesSurviveAbbreviationsAndQuotes() {
    String text =
        "Talks\nThe U.S. envoy met Mr. Putin on Tuesday. “It went well,” he said. He left for the U.S. "
            + "The next round is in Jan. 2026 in St. Petersburg! Is that soon?";
    List<String> sentences = sentences(text);
    assertEquals(
        List.of(
            "Talks",
            "The U.S. envoy met Mr. Putin on Tuesday.",
            "“It went well,” he said.",
            "He left for the U.S.",
            "The next round is in Jan. 2026 in St. Petersburg!",
            "Is that soon?"),
        sentences);
  }

  @Test
  void lineBreaksEndSentences() {
    assertEquals(
        List.of("Kyiv Rejects Plan", "Officials said so"),
        sentences("Kyiv Rejects Plan\nOfficials said so"));
  }

  @Test
  void aRunWithoutStopsIsCutIntoBoundedSentences() {
    String headline = "Kremlin talks ".repeat(SentenceSplitter.MAX_TOKENS * 3);
    List<String> sentences = sentences(headline.strip() + "\nKyiv rejected the plan.");
    assertEquals(
        7, sentences.size(), "1,200 words without a stop make six sentences of 200, then the body");
    assertEquals("Kyiv rejected the plan.", sentences.get(6));
    assertTrue(sentences.get(0).startsWith("Kremlin talks Kremlin"));
  }

  @Test
  void inflectionsShareAStem() {
    assertSame("cede", "cedes", "ceded", "ceding");
    assertSame("territory", "territories");
    assertSame("bar", "barred", "barring");
    assertSame("compel", "compelled");
    assertSame("agree", "agreed", "agrees", "agreeing");
    assertSame("press", "pressed", "presses");
    assertSame("guarantee", "guarantees", "guaranteed");
  }

  @Test
  void possessivesAndHyphensAreSeparated() {
    List<Token> tokens = Tokenizer.tokenize("Kyiv’s U.S.-backed plan");
    assertEquals(
        List.of("Kyiv", "U.S.", "-", "backed", "plan"), tokens.stream().map(Token::text).toList());
    assertEquals(true, tokens.get(0).possessive());
    assertEquals(true, tokens.get(1).allCaps());
  }

  private static void assertSame(String... words) {
    for (String w : words) {
      assertEquals(Stemmer.stem(words[0]), Stemmer.stem(w), w);
    }
  }

  private static List<String> sentences(String text) {
    return SentenceSplitter.split(text, Tokenizer.tokenize(text)).stream()
        .map(s -> text.substring(s.start(), s.end()))
        .toList();
  }
}
