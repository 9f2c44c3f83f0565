package dev.parley.extractor.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word and punctuation tokens. Hyphens are separate tokens so that "U.S.-backed"
 * yields the actor "U.S." next to the cue "backed"; lexicon phrases are tokenised the same way, so
 * "cease-fire" still matches itself. A hand-written scanner rather than a regex: it runs once per
 * character of every article and must not allocate per match.
 */
public final class Tokenizer {

  private Tokenizer() {}

  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>(text.length() / 5 + 8);
    int n = text.length();
    int i = 0;
    int previousEnd = -1;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      int end;
      boolean word;
      if (Character.isLetterOrDigit(c)) {
        end = abbreviationEnd(text, i);
        if (end < 0) {
          end = wordEnd(text, i);
        }
        word = true;
      } else if (isApostrophe(c) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
        end = wordEnd(text, i + 1); // clitic: 't, 're, 'll
        word = false;
      } else {
        end = i + Character.charCount(text.codePointAt(i));
        word = false;
      }
      String raw = text.substring(start, end);
      boolean possessive = word && isPossessiveAt(text, end);
      int tokenEnd = possessive ? end + 2 : end;
      String lower = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
      tokens.add(
          new Token(
              raw,
              lower,
              word ? Stemmer.stem(lower) : lower,
              start,
              tokenEnd,
              possessive,
              word,
              word && isAllCaps(raw),
              start == previousEnd));
      previousEnd = tokenEnd;
      i = tokenEnd;
    }
    return tokens;
  }

  /**
   * End of "U.S.", "U.K", "e.g." starting at i, or -1 when the text there is no such abbreviation.
   */
  private static int abbreviationEnd(String text, int i) {
    int n = text.length();
    int k = i;
    int pairs = 0;
    while (k + 1 < n && Character.isLetter(text.charAt(k)) && text.charAt(k + 1) == '.') {
      pairs++;
      k += 2;
    }
    if (pairs >= 2) {
      return k;
    }
    boolean lastLetter =
        k < n
            && Character.isLetter(text.charAt(k))
            && (k + 1 >= n || !Character.isLetterOrDigit(text.charAt(k + 1)));
    return pairs == 1 && lastLetter ? k + 1 : -1; // "U.S" without the final stop
  }

  /** Letters and digits, with inner separators in numbers: 600,000 or 3.5. */
  private static int wordEnd(String text, int i) {
    int n = text.length();
    int k = i;
    while (k < n) {
      char c = text.charAt(k);
      if (Character.isLetterOrDigit(c)) {
        k++;
      } else if ((c == ',' || c == '.')
          && k > i
          && Character.isDigit(text.charAt(k - 1))
          && k + 1 < n
          && Character.isDigit(text.charAt(k + 1))) {
        k++;
      } else {
        break;
      }
    }
    return k;
  }

  private static boolean isPossessiveAt(String text, int k) {
    return k + 1 < text.length()
        && isApostrophe(text.charAt(k))
        && text.charAt(k + 1) == 's'
        && (k + 2 >= text.length() || !Character.isLetterOrDigit(text.charAt(k + 2)));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  private static boolean isAllCaps(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }
}
