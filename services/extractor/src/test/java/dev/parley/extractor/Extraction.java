package dev.parley.extractor;

import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.rules.ExtractedPosition;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default ontology's extractor run on invented sentences, for the behaviour tests of every
 * package. Positions are written "actor issue +" / "actor issue -" (the sign the scorer counts).
 */
public final class Extraction {

  public static final PositionExtractor EXTRACTOR = new PositionExtractor(Ontology.loadDefault());

  private Extraction() {}

  public static List<ExtractedPosition> extract(String body) {
    return EXTRACTOR.extract("", body);
  }

  public static Set<String> signs(String body) {
    return signs(extract(body));
  }

  public static Set<String> signs(List<ExtractedPosition> positions) {
    return positions.stream()
        .map(p -> p.actor() + " " + p.issue() + " " + (p.stance() > 0 ? "+" : "-"))
        .collect(Collectors.toSet());
  }
}
