package dev.parley.extractor.rules;

import dev.parley.extractor.ontology.Cue;
import dev.parley.extractor.ontology.IssuePhrase;
import java.util.List;

/** Spans of tokens [from, to) that the lexicons recognised. */
final class Mentions {

  private Mentions() {}

  /** Words naming one or more parties; {@code person} allows later "he"/"she" to point here. */
  record Actor(int from, int to, List<String> actors, boolean person, String text) {}

  record Issue(int from, int to, IssuePhrase phrase) {}

  record CueWord(int from, int to, Cue cue) {}

  /** A quotation and, when the sentence names one, who said it. */
  record Quote(int from, int to, Actor speaker) {}
}
