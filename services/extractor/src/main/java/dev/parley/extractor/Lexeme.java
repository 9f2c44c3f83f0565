package dev.parley.extractor;

/** Something an issue/cue phrase match stands for; both kinds compete for the same words. */
sealed interface Lexeme permits Cue, IssuePhrase, OtherSense {}
