package dev.parley.extractor;

import dev.parley.common.ServiceConfig;
import dev.parley.common.ServiceSettings;
import dev.parley.common.StreamsSettings;
import dev.parley.extractor.ontology.Ontology;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The extractor's configuration, read once at start-up; a wrong value stops it there, naming the
 * variable.
 *
 * @param ontology the ontology file of PARLEY_ONTOLOGY; empty for the built-in Ukraine peace
 *     ontology
 */
public record ExtractorConfig(
    ServiceSettings service, StreamsSettings streams, Optional<Path> ontology) {

  public static final String APP = "extractor";
  public static final int DEFAULT_PORT = 8070;

  public static ExtractorConfig from(ServiceConfig config) {
    return new ExtractorConfig(
        ServiceSettings.from(config, DEFAULT_PORT),
        StreamsSettings.from(config, APP),
        Optional.ofNullable(config.get(ServiceConfig.ONTOLOGY, null)).map(Path::of));
  }

  Ontology loadOntology() {
    return ontology.map(Ontology::load).orElseGet(Ontology::loadDefault);
  }
}
