package dev.parley.common;

/** Caps on text copied into records, so that no input makes an output unbounded. */
public final class TextBounds {

  /** A headline carried along with positions and evidence. */
  public static final int MAX_HEADLINE_CHARS = 500;

  /** An evidence sentence; real ones are far shorter, a run-on "sentence" without stops is not. */
  public static final int MAX_SENTENCE_CHARS = 2000;

  private static final String ELLIPSIS = "…";

  private TextBounds() {}

  /**
   * The text itself when short enough, else its start with an ellipsis, {@code maxChars} in all.
   */
  public static String clip(String text, int maxChars) {
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    int end = maxChars - ELLIPSIS.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }
}
