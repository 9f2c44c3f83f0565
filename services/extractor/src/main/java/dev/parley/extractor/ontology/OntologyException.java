package dev.parley.extractor.ontology;

/** An ontology or lexicon file could not be read or is inconsistent; the message names the file. */
public class OntologyException extends RuntimeException {

  public OntologyException(String message) {
    super(message);
  }

  public OntologyException(String message, Throwable cause) {
    super(message, cause);
  }
}
