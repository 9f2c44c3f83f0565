package dev.parley.extractor.ontology;

/** Closed word classes from the lexicon, looked up once per token and kept as bits. */
public enum WordClass {
  REPORTING,
  OBJECT_VERB,
  NEGATOR,
  STRONG_NEGATOR,
  INTENSIFIER,
  AUXILIARY,
  PREDICATOR,
  HYPOTHETICAL,
  UNASSERTED,
  MODAL,
  SUPERSEDED,
  PREPOSITION,
  DETERMINER,
  BOUNDARY,
  SOFT_BOUNDARY,
  TEMPORAL,
  BYSTANDER,
  NEWS_SOURCE,
  PERSON_PRONOUN,
  GROUP_PRONOUN,
  THING_PRONOUN,
  SPEAKER_PRONOUN,
  ROLE,
  TIME_ADJUNCT,
  DOCUMENT,
  CONDITION,
  COMMISSIVE,
  NAMING,
  CLAIM;

  public final int bit = 1 << ordinal();
}
