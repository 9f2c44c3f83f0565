package dev.parley.cli;

import dev.parley.extractor.ontology.Ontology;
import picocli.CommandLine.Option;

/** The --ontology option of every command that extracts. */
public final class OntologyOption {

  @Option(
      names = "--ontology",
      defaultValue = "${env:PARLEY_ONTOLOGY}",
      description =
          "Ontology YAML file (env PARLEY_ONTOLOGY; default: the built-in Ukraine peace negotiation).")
  String path;

  public Ontology load() {
    return Ontology.fromSetting(path);
  }
}
