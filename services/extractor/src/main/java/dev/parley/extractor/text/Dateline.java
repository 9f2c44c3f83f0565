package dev.parley.extractor.text;

import java.util.List;

/**
 * The place line that opens a wire story ("KYIV —", "MOSCOW, Dec 12 (Reuters) -", "KYIV, Ukraine
 * (AP) —"): the city names where the reporter was, not a party that speaks.
 */
public final class Dateline {

  private static final int MAX_TOKENS = 10;

  private Dateline() {}

  /**
   * The token after the dateline that opens the sentence, or {@code s.from()} when there is none.
   */
  public static int end(List<Token> tokens, Sentence s) {
    if (s.from() >= s.to() || !tokens.get(s.from()).allCaps()) {
      return s.from();
    }
    for (int i = s.from() + 1; i < Math.min(s.to() - 1, s.from() + MAX_TOKENS); i++) {
      Token t = tokens.get(i);
      String text = t.text();
      if (text.equals("—") || text.equals("–") || text.equals("-")) {
        return i + 1;
      }
      boolean placeOrDate =
          t.word() ? !Character.isLowerCase(text.charAt(0)) : ",/().".contains(text);
      if (!placeOrDate) {
        return s.from();
      }
    }
    return s.from();
  }
}
