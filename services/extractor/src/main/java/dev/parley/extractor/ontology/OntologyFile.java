package dev.parley.extractor.ontology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The YAML shapes of an ontology file and of the shared lexicon file, as Jackson reads them. */
final class OntologyFile {

  private OntologyFile() {}

  record Root(
      String negotiation,
      String version,
      String baseLexicon,
      Double confirmationThreshold,
      List<ActorSpec> actors,
      List<GroupSpec> groups,
      List<IssueSpec> issues,
      List<String> otherSenses,
      List<String> subjectNames,
      List<CueSpec> cues) {}

  record ActorSpec(
      String id,
      String label,
      List<String> aliases,
      List<String> people,
      List<String> adjectives) {}

  record GroupSpec(List<String> aliases, List<String> actors) {}

  record IssueSpec(String id, String proposition, List<PhraseSpec> phrases) {}

  record PhraseSpec(String text, Integer polarity, Double weight, List<String> ownConcessionOf) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    PhraseSpec(
        @JsonProperty("text") String text,
        @JsonProperty("polarity") Integer polarity,
        @JsonProperty("weight") Double weight,
        @JsonProperty("ownConcessionOf") List<String> ownConcessionOf) {
      this.text = text;
      this.polarity = polarity;
      this.weight = weight;
      this.ownConcessionOf = ownConcessionOf;
    }

    /** Lets a phrase be written as a plain string when it has default polarity and weight. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PhraseSpec of(String text) {
      return new PhraseSpec(text, null, null, null);
    }
  }

  record CueSpec(
      String text,
      Integer stance,
      Boolean deontic,
      Boolean evaluative,
      Double weight,
      Boolean transitive,
      Boolean directive) {}

  record LexiconRoot(
      List<CueSpec> cues,
      List<String> otherSenses,
      List<String> reporting,
      List<String> negators,
      List<String> strongNegators,
      List<String> intensifiers,
      List<String> auxiliaries,
      List<String> predicators,
      List<String> hypothetical,
      List<String> unasserted,
      List<String> temporal,
      List<String> modals,
      List<String> superseded,
      List<String> prepositions,
      List<String> determiners,
      List<String> boundaries,
      List<String> softBoundaries,
      List<String> objectVerbs,
      List<String> namingVerbs,
      List<String> claims,
      List<String> bystanders,
      List<String> newsSources,
      List<String> roles,
      List<String> timeAdjuncts,
      List<String> documents,
      List<String> conditions,
      List<String> commissives,
      Map<String, List<String>> pronouns) {}
}
