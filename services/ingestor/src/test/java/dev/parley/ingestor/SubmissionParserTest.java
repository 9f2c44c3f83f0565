package dev.parley.ingestor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionParserTest {

  private final SubmissionParser parser = new SubmissionParser(HtmlLimits.DEFAULT);

  @Test
  void readsAJsonArticleWithEveryField() {
    ArticleSubmission s =
        parser
            .parse(
                "application/json; charset=utf-8",
                """
        {"headline":"Talks","body":"Text.","url":"https://x.org/a","source":"x","publishedAt":"2025-12-02T10:00:00+01:00","language":"en"}
        """,
                SubmissionParser.Defaults.NONE)
            .get(0);
    assertEquals("Talks", s.headline());
    assertEquals("Text.", s.body());
    assertEquals(Instant.parse("2025-12-02T09:00:00Z"), s.publishedAt());
    assertEquals("x", s.source());
  }

  @Test
  void htmlFieldIsMarkedForCleaning() {
    assertTrue(
        parser
            .parse(
                "application/json",
                "{\"headline\":\"h\",\"html\":\"<p>x</p>\"}",
                SubmissionParser.Defaults.NONE)
            .get(0)
            .html());
  }

  @Test
  void plainTextTakesTheHeadlineFromTheFirstLineAndTheRestFromTheQuery() {
    ArticleSubmission s =
        parser
            .parse(
                "text/plain",
                "Headline here\nFirst paragraph.\nSecond.",
                new SubmissionParser.Defaults("wire", null, "1764669600000", "en"))
            .get(0);
    assertEquals("Headline here", s.headline());
    assertEquals("First paragraph.\nSecond.", s.body());
    assertEquals("wire", s.source());
    assertEquals(Instant.ofEpochMilli(1764669600000L), s.publishedAt());
    assertNull(s.url());
  }

  @Test
  void ndjsonBatchIsAllOrNothingAndNamesEveryBadLine() {
    String batch = "{\"headline\":\"a\",\"body\":\"x\"}\n{\"body\":\"no headline\"}\n\n{broken\n";
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> parser.parse("application/x-ndjson", batch, SubmissionParser.Defaults.NONE));
    assertEquals(400, e.status());
    assertTrue(
        e.getMessage().contains("Line 2") && e.getMessage().contains("headline"), e.getMessage());
    assertTrue(
        e.getMessage().contains("Line 4") && e.getMessage().contains("not valid JSON"),
        e.getMessage());
    List<ArticleSubmission> ok =
        parser.parse(
            "application/x-ndjson",
            "{\"headline\":\"a\",\"body\":\"x\"}\n{\"headline\":\"b\",\"text\":\"y\"}",
            SubmissionParser.Defaults.NONE);
    assertEquals(2, ok.size());
  }

  @Test
  void refusesUnknownContentTypesWith415AndBadTimesWith400() {
    assertEquals(
        415,
        assertThrows(
                InvalidInputException.class,
                () -> parser.parse("application/pdf", "%PDF", SubmissionParser.Defaults.NONE))
            .status());
    InvalidInputException badTime =
        assertThrows(
            InvalidInputException.class,
            () ->
                parser.parse(
                    "application/json",
                    "{\"headline\":\"h\",\"body\":\"b\",\"publishedAt\":\"yesterday\"}",
                    SubmissionParser.Defaults.NONE));
    assertTrue(badTime.getMessage().contains("ISO-8601"), badTime.getMessage());
  }

  @Test
  void htmlPagesTakeTheirHeadlineFromH1AndTheirTextFromTheArticle() {
    ArticleSubmission s =
        parser
            .parse(
                "text/html",
                "<html><head><title>Site | Talks</title></head><body><h1>Talks</h1>"
                    + "<article><p>Para.</p></article></body></html>",
                SubmissionParser.Defaults.NONE)
            .get(0);
    assertEquals("Talks", s.headline());
    assertTrue(s.html() && s.body().contains("Para."));
  }
}
