package dev.parley.ingestor;

import org.jsoup.parser.Parser;

/**
 * Text that may carry markup, reduced to plain text: entities are decoded exactly once, and
 * whatever then reads as a tag is dropped. So {@code &lt;script&gt;} and {@code <script>} both
 * leave nothing behind, {@code AT&amp;T} becomes {@code AT&T}, and {@code a < b} stays as it is.
 */
final class MarkupText {

  private MarkupText() {}

  static String of(String markup, HtmlLimits.Budget budget) {
    return withoutTags(budget.parseFragment(markup).body().text());
  }

  /** Drops tags from text whose entities are already decoded, without decoding a second time. */
  static String withoutTags(String text) {
    String escapedAmpersands = text.replace("&", "&amp;");
    return Parser.parseBodyFragment(escapedAmpersands, "").body().text();
  }
}
