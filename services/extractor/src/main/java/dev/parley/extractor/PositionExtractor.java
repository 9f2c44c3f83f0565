package dev.parley.extractor;

import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.rules.ExtractedPosition;
import dev.parley.extractor.rules.PositionFinder;
import dev.parley.extractor.text.ArticleText;
import java.util.List;
import java.util.Objects;

/**
 * Extracts negotiation positions (who takes which stance on which issue, with the evidence
 * sentence) from a news article with rules driven by an {@link Ontology}. Thread-safe: the ontology
 * is immutable and every call builds its own per-article state; no I/O per call.
 */
public final class PositionExtractor {

  /** Identifies the extraction method in produced positions; bump when rules change. */
  public static final String VERSION = "rules-0.11";

  private final Ontology ontology;

  public PositionExtractor(Ontology ontology) {
    this.ontology = Objects.requireNonNull(ontology, "ontology");
  }

  public Ontology ontology() {
    return ontology;
  }

  /**
   * @return positions in text order; offsets refer to {@link ArticleText#of(String, String)}
   */
  public List<ExtractedPosition> extract(String headline, String body) {
    return PositionFinder.find(ArticleText.of(headline, body), ontology);
  }
}
