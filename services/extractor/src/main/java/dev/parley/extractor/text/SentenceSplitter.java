package dev.parley.extractor.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits tokens into sentences. A line break always ends a sentence (headlines, captions and
 * paragraphs have no final stop); otherwise a stop ends one only when the next word looks like a
 * sentence start, which keeps "Mr. Putin", "Gen. Syrskyi" and "the U.S. envoy" in one piece. A run
 * of more than {@link #MAX_TOKENS} tokens without a stop is cut there: the rules' work grows faster
 * than a sentence's length, and no news sentence is that long, so a page of text without a full
 * stop (or a headline of 75,000 words) cannot hold the extractor for minutes.
 */
public final class SentenceSplitter {

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof", "jr",
          "sr", "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc",
          "corp", "pres", "maj", "adm");

  /** Words that, capitalised after an abbreviation such as "U.S.", start a new sentence. */
  private static final Set<String> SENTENCE_OPENERS =
      Set.of(
          "the",
          "he",
          "she",
          "it",
          "they",
          "we",
          "i",
          "but",
          "however",
          "still",
          "in",
          "on",
          "this",
          "that",
          "a",
          "an",
          "and",
          "meanwhile",
          "yet",
          "there",
          "his",
          "her",
          "their",
          "its",
          "after",
          "as",
          "while");

  static final int MAX_TOKENS = 200;

  private SentenceSplitter() {}

  public static List<Sentence> split(String text, List<Token> tokens) {
    List<Sentence> sentences = new ArrayList<>();
    int paragraph = 0;
    int from = 0;
    for (int i = 0; i < tokens.size(); i++) {
      boolean last = i + 1 == tokens.size();
      boolean lineBreakAfter =
          !last && containsNewline(text, tokens.get(i).end(), tokens.get(i + 1).start());
      int end = i;
      boolean stop = false;
      if (!lineBreakAfter && !last && isTerminal(tokens, i)) {
        while (end + 1 < tokens.size()
            && isCloser(tokens.get(end + 1).text())
            && !containsNewline(text, tokens.get(end).end(), tokens.get(end + 1).start())) {
          end++;
        }
        stop =
            end + 1 < tokens.size()
                && startsSentence(tokens.get(end + 1))
                && (!isAbbreviation(tokens.get(i))
                    || SENTENCE_OPENERS.contains(tokens.get(end + 1).lower()));
      }
      boolean tooLong = end + 1 - from >= MAX_TOKENS;
      if (last || lineBreakAfter || stop || tooLong) {
        sentences.add(
            new Sentence(
                from, end + 1, tokens.get(from).start(), tokens.get(end).end(), paragraph));
        boolean newParagraph =
            last
                || lineBreakAfter
                || (end + 1 < tokens.size()
                    && containsNewline(text, tokens.get(end).end(), tokens.get(end + 1).start()));
        if (newParagraph) {
          paragraph++;
        }
        from = end + 1;
        i = end;
      }
    }
    return sentences;
  }

  private static boolean isTerminal(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    String s = t.text();
    if (s.equals("!") || s.equals("?") || s.equals("…")) {
      return true;
    }
    if (isAbbreviation(t)) {
      return true; // "U.S." may end a sentence; the following word decides
    }
    if (!s.equals(".") || i == 0) {
      return false;
    }
    Token before = tokens.get(i - 1);
    if (!t.attached()) {
      return true;
    }
    boolean initial = before.text().length() == 1 && Character.isUpperCase(before.text().charAt(0));
    return !initial && !ABBREVIATIONS.contains(before.lower());
  }

  private static boolean isAbbreviation(Token t) {
    return t.word() && t.text().endsWith(".");
  }

  private static boolean startsSentence(Token next) {
    String s = next.text();
    char c = s.charAt(0);
    if (c == '“' || c == '"' || c == '‘' || c == '(' || c == '[' || Character.isDigit(c)) {
      return true;
    }
    return Character.isUpperCase(c);
  }

  private static boolean isCloser(String s) {
    return s.equals("”")
        || s.equals("\"")
        || s.equals("’")
        || s.equals("'")
        || s.equals(")")
        || s.equals("]");
  }

  private static boolean containsNewline(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }
}
