package dev.parley.ingestor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.common.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * Turns an HTTP request body into article submissions: a JSON object, an NDJSON batch (one object a
 * line), plain text whose first line is the headline, or an HTML page.
 */
final class SubmissionParser {

  static final Set<String> JSON_TYPES = Set.of("application/json");
  static final Set<String> NDJSON_TYPES =
      Set.of("application/x-ndjson", "application/ndjson", "application/jsonl");
  static final String TEXT = "text/plain";
  static final String HTML = "text/html";

  /**
   * Articles are flat objects: nesting deeper than this is an attack on the parser, not an article.
   */
  static final int MAX_JSON_DEPTH = 64;

  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String JSON_HELP =
      "send {\"headline\": \"...\", \"body\": \"...\" (or \"html\": \"...\"), "
          + "\"source\": \"...\", \"url\": \"...\", \"publishedAt\": \"2025-12-02T10:00:00Z\", \"language\": \"en\"}";

  /** Defaults for what a plain-text or HTML body cannot carry, taken from the query string. */
  record Defaults(String source, String url, String publishedAt, String language) {
    static final Defaults NONE = new Defaults(null, null, null, "en");
  }

  private final HtmlLimits htmlLimits;

  SubmissionParser(HtmlLimits htmlLimits) {
    this.htmlLimits = htmlLimits;
  }

  List<ArticleSubmission> parse(String contentType, String body, Defaults defaults) {
    String type = MediaType.of(contentType);
    if (body.isBlank()) {
      throw InvalidInputException.badRequest("The request body is empty; " + JSON_HELP);
    }
    if (JSON_TYPES.contains(type)) {
      return List.of(fromJson(readJson(body, "The body"), defaults, 0));
    }
    if (NDJSON_TYPES.contains(type)) {
      return fromNdjson(body, defaults);
    }
    if (type.equals(TEXT)) {
      return List.of(fromText(body, defaults));
    }
    if (type.equals(HTML)) {
      return List.of(fromHtmlPage(body, defaults));
    }
    throw new InvalidInputException(
        415,
        "Content-Type '"
            + contentType
            + "' is not supported; use application/json, "
            + "application/x-ndjson (one article per line), text/plain (first line is the headline) or text/html.");
  }

  private List<ArticleSubmission> fromNdjson(String body, Defaults defaults) {
    List<ArticleSubmission> submissions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> lines = TextLines.of(body);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = "Line " + (i + 1);
      try {
        submissions.add(fromJson(readJson(lines.get(i), where), defaults, i + 1));
      } catch (InvalidInputException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.badRequest(
          "The batch was not accepted (no article of it was published), fix these lines and send it again: "
              + String.join(" | ", problems));
    }
    return submissions;
  }

  private static JsonNode readJson(String text, String where) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw InvalidInputException.badRequest(where + " is not a JSON object; " + JSON_HELP);
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw InvalidInputException.badRequest(
          where
              + " is not valid JSON ("
              + e.getOriginalMessage()
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + "); "
              + JSON_HELP);
    }
  }

  private static ArticleSubmission fromJson(JsonNode node, Defaults defaults, int line) {
    String prefix = line > 0 ? "Line " + line + ": " : "";
    String headline = text(node, "headline", text(node, "title", null));
    if (headline == null) {
      throw InvalidInputException.badRequest(
          prefix + "field \"headline\" is missing or empty; " + JSON_HELP);
    }
    String html = text(node, "html", null);
    String body = html != null ? html : text(node, "body", text(node, "text", null));
    if (body == null) {
      throw InvalidInputException.badRequest(
          prefix + "the article has no text: give \"body\" (plain text) or \"html\"; " + JSON_HELP);
    }
    return new ArticleSubmission(
        headline,
        body,
        html != null,
        text(node, "url", defaults.url()),
        text(node, "source", defaults.source()),
        instant(text(node, "publishedAt", text(node, "published", defaults.publishedAt())), prefix),
        text(node, "language", defaults.language()),
        line);
  }

  static ArticleSubmission fromText(String body, Defaults defaults) {
    String trimmed = body.strip();
    int newline = trimmed.indexOf('\n');
    if (newline < 0) {
      throw InvalidInputException.badRequest(
          "A text/plain article needs the headline on its first line and the body after it; "
              + "this one has a single line.");
    }
    return new ArticleSubmission(
        trimmed.substring(0, newline).strip(),
        trimmed.substring(newline + 1),
        false,
        defaults.url(),
        defaults.source(),
        instant(defaults.publishedAt(), ""),
        defaults.language(),
        0);
  }

  private ArticleSubmission fromHtmlPage(String body, Defaults defaults) {
    Document page = htmlLimits.start().parse(body);
    String headline = page.selectFirst("h1") != null ? page.selectFirst("h1").text() : page.title();
    if (headline.isBlank()) {
      throw InvalidInputException.badRequest(
          "The HTML page has neither an <h1> nor a <title> to take the headline from.");
    }
    var article = page.selectFirst("article");
    String content = (article != null ? article : page.body()).html();
    return new ArticleSubmission(
        headline,
        content,
        true,
        defaults.url(),
        defaults.source(),
        instant(defaults.publishedAt(), ""),
        defaults.language(),
        0);
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? fallback : text;
  }

  private static Instant instant(String value, String prefix) {
    if (value == null) {
      return null;
    }
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(value));
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw InvalidInputException.badRequest(
          prefix
              + "publishedAt '"
              + value
              + "' is not a time; use ISO-8601 with an offset (2025-12-02T10:00:00Z) or epoch milliseconds.");
    }
  }
}
