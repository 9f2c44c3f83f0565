package dev.parley.extractor.ontology;

/**
 * A wording of an issue's proposition.
 *
 * @param polarity 1 when the words state the proposition, -1 when they state its opposite
 * @param weight confidence multiplier in (0, 1]: how surely these words mean the issue
 */
public record IssuePhrase(String issue, String text, int polarity, double weight)
    implements Lexeme {}
