package dev.parley.extractor.ontology;

/** Something an issue/cue phrase match stands for; both kinds compete for the same words. */
public sealed interface Lexeme permits Cue, IssuePhrase, OtherSense {}
