package dev.parley.ingestor;

import java.time.Instant;

/**
 * An article as a feed sent it, before cleaning; body may be HTML when {@code html} is set. {@code
 * line} is its line in an NDJSON batch, 0 when it came alone.
 */
record ArticleSubmission(
    String headline,
    String body,
    boolean html,
    String url,
    String source,
    Instant publishedAt,
    String language,
    int line) {

  /** How refusals name this article: "Line 3: " in a batch, nothing otherwise. */
  String where() {
    return line > 0 ? "Line " + line + ": " : "";
  }
}
