package dev.parley.ingestor;

import dev.parley.common.ServiceConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a submitted article must satisfy before it is published, each refusal a 400 that says how to
 * fix it. Runs on the cleaned headline, so a headline of markup or invisible characters alone
 * counts as empty.
 */
record SubmissionRules(IngestLimits limits) {

  /**
   * An article from the future is a wrong date or time zone; Kafka itself refuses record timestamps
   * more than an hour ahead by default (log.message.timestamp.after.max.ms).
   */
  private static final Duration MAX_CLOCK_AHEAD = Duration.ofHours(1);

  /** Kafka record timestamps cannot be negative, and no news article predates 1970 online. */
  private static final Instant EARLIEST = Instant.EPOCH;

  private static final Pattern LANGUAGE =
      Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}");

  void requireHeadline(String cleanHeadline, String prefix) {
    if (cleanHeadline.isEmpty()) {
      throw InvalidInputException.badRequest(
          prefix
              + "the headline has no visible text once markup, spaces and invisible "
              + "characters are removed; give the article's real headline.");
    }
    requireAtMost(
        "the headline",
        cleanHeadline,
        limits.maxHeadlineChars(),
        " (" + ServiceConfig.MAX_HEADLINE_CHARS + "); put the text in the body.",
        prefix);
  }

  void requireText(String cleanBody, String cleanHeadline, String prefix) {
    if (cleanBody.isBlank()) {
      throw InvalidInputException.badRequest(
          prefix
              + "article '"
              + cleanHeadline
              + "' has no text left once markup and page boilerplate are removed; send the article's paragraphs.");
    }
  }

  void requirePublishedAt(Instant publishedAt, Instant now, String prefix) {
    if (publishedAt == null) {
      return;
    }
    if (publishedAt.isBefore(EARLIEST)) {
      throw InvalidInputException.badRequest(
          prefix
              + "publishedAt "
              + publishedAt
              + " is before 1970; give the time the outlet "
              + "published the article, or leave publishedAt out.");
    }
    if (publishedAt.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
      throw InvalidInputException.badRequest(
          prefix
              + "publishedAt "
              + publishedAt
              + " is more than an hour after now ("
              + now
              + "); give the time the outlet published the article, with its time-zone offset.");
    }
  }

  void requireSource(String source, String prefix) {
    requireAtMost(
        "source",
        source,
        limits.maxSourceChars(),
        "; give the outlet's short name, e.g. reuters.",
        prefix);
  }

  void requireLanguage(String language, String prefix) {
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      throw InvalidInputException.badRequest(
          prefix
              + "language '"
              + abbreviate(language)
              + "' is not a language code; give an ISO 639-1 code such as en or de, or leave language out.");
    }
  }

  /**
   * Readers follow the link from the dashboard, so anything but a web address (javascript:, data:)
   * is refused; credentials in it ({@code user:pass@}) are dropped, never stored.
   */
  String webAddress(String url, String prefix) {
    if (url == null) {
      return null;
    }
    requireAtMost(
        "url",
        url,
        limits.maxUrlChars(),
        "; give the article's canonical URL without tracking parameters.",
        prefix);
    try {
      URI uri = new URI(url);
      if (uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        return uri.getRawUserInfo() == null
            ? url
            : new URI(
                    uri.getScheme(),
                    null,
                    uri.getHost(),
                    uri.getPort(),
                    uri.getPath(),
                    uri.getQuery(),
                    uri.getFragment())
                .toString();
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw InvalidInputException.badRequest(
        prefix
            + "url '"
            + abbreviate(Redaction.credentials(url))
            + "' is not a web address; give the article's absolute http(s) URL, or leave url out.");
  }

  /** Refuses a {@code field} longer than {@code max} characters, with {@code advice} after it. */
  private static void requireAtMost(
      String field, String value, int max, String advice, String prefix) {
    if (value != null && value.length() > max) {
      throw InvalidInputException.badRequest(
          prefix
              + field
              + " has "
              + value.length()
              + " characters, more than the "
              + max
              + " allowed"
              + advice);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }
}
