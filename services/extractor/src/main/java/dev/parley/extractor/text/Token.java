package dev.parley.extractor.text;

/**
 * One word or punctuation mark of the article text.
 *
 * @param text the characters as written (without a possessive 's)
 * @param lower lower-cased text with typographic apostrophes made ASCII
 * @param stem {@link Stemmer#stem} of {@code lower}, used for all lexicon matching
 * @param start offset of the first character in the article text
 * @param end offset after the last character (includes a possessive 's)
 * @param possessive the word carried a possessive 's ("Kyiv's")
 * @param word letters or digits, as opposed to punctuation
 * @param allCaps at least two letters, all upper case ("US", "NATO"), so "US" is not "us"
 * @param attached no whitespace between this token and the previous one ("U.S.-backed")
 */
public record Token(
    String text,
    String lower,
    String stem,
    int start,
    int end,
    boolean possessive,
    boolean word,
    boolean allCaps,
    boolean attached) {}
