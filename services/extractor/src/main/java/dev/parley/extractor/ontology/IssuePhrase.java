package dev.parley.extractor.ontology;

import java.util.List;

/**
 * A wording of an issue's proposition.
 *
 * @param polarity 1 when the words state the proposition, -1 when they state its opposite
 * @param weight confidence multiplier in (0, 1]: how surely these words mean the issue
 * @param ownConcessionOf parties that, refusing what these words name, refuse a concession of their
 *     own, the opposite of the proposition's: "Russia refuses territorial concessions" keeps its
 *     claim to the land, where "Kyiv refuses territorial concessions" keeps the land
 */
public record IssuePhrase(
    String issue, String text, int polarity, double weight, List<String> ownConcessionOf)
    implements Lexeme {}
