package dev.parley.extractor.text;

/**
 * A sentence as a token range [{@code from}, {@code to}) and a character range [{@code start},
 * {@code end}) of the article text; {@code paragraph} counts lines.
 */
public record Sentence(int from, int to, int start, int end, int paragraph) {}
