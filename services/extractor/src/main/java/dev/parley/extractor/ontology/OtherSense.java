package dev.parley.extractor.ontology;

/**
 * Words that contain an issue's wording but mean something else ("an economic deal" is no peace
 * plan, "a loan guarantee" is no security guarantee). Matched like any lexeme, the longer match
 * wins, so the issue wording inside them is not read as a mention.
 */
record OtherSense(String text) implements Lexeme {}
