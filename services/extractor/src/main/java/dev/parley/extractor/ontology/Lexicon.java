package dev.parley.extractor.ontology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.extractor.text.Stemmer;
import dev.parley.extractor.text.Token;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The English side of extraction: default stance cues and the function-word classes the attribution
 * rules use. Loaded once from {@code /lexicon/english.yaml}.
 */
public final class Lexicon {

  static final String RESOURCE = "/lexicon/english.yaml";

  private static volatile Lexicon english;

  final List<OntologyFile.CueSpec> cues;

  /** Wordings that contain a cue but are no stance ("press conference"), as in an ontology. */
  final List<String> otherSenses;

  /**
   * Word classes of lower-cased closed-class words, and of verb stems (so every inflection counts).
   */
  private final Map<String, Integer> wordBits = new HashMap<>();

  private final Map<String, Integer> stemBits = new HashMap<>();

  private Lexicon(OntologyFile.LexiconRoot root, String source) {
    this.cues = require(root.cues(), "cues", source);
    this.otherSenses = root.otherSenses() == null ? List.of() : root.otherSenses();
    addStems(root.reporting(), WordClass.REPORTING, "reporting", source);
    addStems(root.objectVerbs(), WordClass.OBJECT_VERB, "objectVerbs", source);
    addStems(root.namingVerbs(), WordClass.NAMING, "namingVerbs", source);
    addStems(root.claims(), WordClass.CLAIM, "claims", source);
    addStems(root.documents(), WordClass.DOCUMENT, "documents", source);
    addWords(root.negators(), WordClass.NEGATOR, "negators", source);
    addWords(root.strongNegators(), WordClass.STRONG_NEGATOR, "strongNegators", source);
    addWords(root.intensifiers(), WordClass.INTENSIFIER, "intensifiers", source);
    addWords(root.auxiliaries(), WordClass.AUXILIARY, "auxiliaries", source);
    addWords(root.predicators(), WordClass.PREDICATOR, "predicators", source);
    addWords(root.hypothetical(), WordClass.HYPOTHETICAL, "hypothetical", source);
    addWords(root.unasserted(), WordClass.UNASSERTED, "unasserted", source);
    addWords(root.temporal(), WordClass.TEMPORAL, "temporal", source);
    addWords(root.modals(), WordClass.MODAL, "modals", source);
    addWords(root.superseded(), WordClass.SUPERSEDED, "superseded", source);
    addWords(root.prepositions(), WordClass.PREPOSITION, "prepositions", source);
    addWords(root.determiners(), WordClass.DETERMINER, "determiners", source);
    addWords(root.boundaries(), WordClass.BOUNDARY, "boundaries", source);
    addWords(root.softBoundaries(), WordClass.SOFT_BOUNDARY, "softBoundaries", source);
    addWords(root.bystanders(), WordClass.BYSTANDER, "bystanders", source);
    addWords(root.newsSources(), WordClass.NEWS_SOURCE, "newsSources", source);
    addWords(root.roles(), WordClass.ROLE, "roles", source);
    addWords(root.timeAdjuncts(), WordClass.TIME_ADJUNCT, "timeAdjuncts", source);
    addWords(root.conditions(), WordClass.CONDITION, "conditions", source);
    addWords(root.commissives(), WordClass.COMMISSIVE, "commissives", source);
    Map<String, List<String>> pronouns = require(root.pronouns(), "pronouns", source);
    addWords(pronouns.get("person"), WordClass.PERSON_PRONOUN, "pronouns.person", source);
    addWords(pronouns.get("group"), WordClass.GROUP_PRONOUN, "pronouns.group", source);
    addWords(pronouns.get("thing"), WordClass.THING_PRONOUN, "pronouns.thing", source);
    addWords(pronouns.get("speaker"), WordClass.SPEAKER_PRONOUN, "pronouns.speaker", source);
  }

  private void addWords(List<String> words, WordClass c, String field, String source) {
    for (String w : require(words, field, source)) {
      wordBits.merge(w.toLowerCase(Locale.ROOT).replace('’', '\''), c.bit, (x, y) -> x | y);
    }
  }

  private void addStems(List<String> words, WordClass c, String field, String source) {
    for (String w : require(words, field, source)) {
      stemBits.merge(Stemmer.stem(w.toLowerCase(Locale.ROOT)), c.bit, (x, y) -> x | y);
    }
  }

  /** The {@link WordClass} bits of a token. */
  public int classify(Token t) {
    int bits = wordBits.getOrDefault(t.lower(), 0);
    return t.word() ? bits | stemBits.getOrDefault(t.stem(), 0) : bits;
  }

  static Lexicon english() {
    Lexicon result = english;
    if (result == null) {
      synchronized (Lexicon.class) {
        if (english == null) {
          english = load(RESOURCE);
        }
        result = english;
      }
    }
    return result;
  }

  private static Lexicon load(String resource) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OntologyException("lexicon " + resource + " is missing from the classpath");
      }
      return new Lexicon(yaml.readValue(in, OntologyFile.LexiconRoot.class), resource);
    } catch (IOException e) {
      throw new OntologyException("lexicon " + resource + ": " + e.getMessage(), e);
    }
  }

  private static <T> T require(T value, String field, String source) {
    if (value == null) {
      throw new OntologyException("lexicon " + source + ": missing '" + field + "'");
    }
    return value;
  }
}
