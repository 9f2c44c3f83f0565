package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.text.ArticleText;
import dev.parley.extractor.text.Sentence;
import java.util.List;

/**
 * One invented article body analysed with the default ontology, as the rules see it, and the words
 * of it that a rule's test asks about.
 */
final class Analysed {

  static final Ontology ONTOLOGY = Ontology.loadDefault();

  final ArticleAnalysis a;

  Analysed(String body) {
    this("", body);
  }

  Analysed(String headline, String body) {
    this.a = new ArticleAnalysis(ArticleText.of(headline, body), ONTOLOGY);
  }

  /** The token of the first occurrence of a lower-case word. */
  int at(String word) {
    return at(word, 1);
  }

  /** The token of the n-th occurrence (from 1) of a lower-case word. */
  int at(String word, int occurrence) {
    int seen = 0;
    for (int i = 0; i < a.tokens.size(); i++) {
      if (a.lower(i).equals(word) && ++seen == occurrence) {
        return i;
      }
    }
    throw new AssertionError("no occurrence " + occurrence + " of '" + word + "' in: " + a.text);
  }

  Sentence sentenceOf(String word) {
    return a.sentenceAt(at(word));
  }

  Mentions.CueWord cue(String word) {
    Mentions.CueWord cue = a.cueAt[at(word)];
    assertNotNull(cue, () -> "'" + word + "' is no cue in: " + a.text);
    return cue;
  }

  Mentions.Issue issue(String word) {
    Mentions.Issue issue = a.issueAt[at(word)];
    assertNotNull(issue, () -> "'" + word + "' is no issue mention in: " + a.text);
    return issue;
  }

  /** The holder names exactly these parties and was found this way. */
  static void assertHolder(Holder holder, Holder.Kind kind, String... actors) {
    assertNotNull(holder, "no holder found");
    assertEquals(List.of(actors), holder.actors());
    assertEquals(kind, holder.kind());
  }

  ClauseRoles roles() {
    return new ClauseRoles(a);
  }

  Documents documents() {
    return new Documents(a);
  }

  PronounResolver pronouns() {
    return new PronounResolver(a, roles(), documents(), new Interview(a));
  }

  HolderFinder holders() {
    return new HolderFinder(a, roles(), pronouns(), documents());
  }

  LeftWalk.Walker walker() {
    return new LeftWalk.Walker(
        a,
        roles(),
        holders(),
        new CuePolarity(a),
        new ListItems(a),
        documents(),
        new ReferredDemands(a));
  }

  /** The walk left from the issue mention at a word, as the finder starts it. */
  LeftWalk walkFrom(String issueWord) {
    return walker().walk(sentenceOf(issueWord), issue(issueWord).from() - 1, List.of());
  }
}
