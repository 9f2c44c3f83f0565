package dev.parley.extractor.text;

import java.util.Objects;

/** The text that extraction offsets refer to: the headline, a line break, the body. */
public final class ArticleText {

  private ArticleText() {}

  public static String of(String headline, String body) {
    return Objects.requireNonNullElse(headline, "") + "\n" + Objects.requireNonNullElse(body, "");
  }
}
