package dev.parley.extractor.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extractor.PositionExtractor;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.rules.ExtractedPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of plain-text articles with its gold folder, run through the extractor the way the
 * pipeline reads articles (cleaned as the ingestor cleans them) and scored with the shared rules.
 */
final class GoldSet {

  static final double CONFIDENT = 0.7;

  final Map<String, List<ExtractedPosition>> predictions = new LinkedHashMap<>();
  final Evaluation.Report all;
  final Evaluation.Report confident;

  GoldSet(Path articles, Path gold) throws IOException {
    this(articles, gold, CONFIDENT);
  }

  /**
   * @param confident confidence from which positions are also scored on their own ({@link
   *     #confident})
   */
  GoldSet(Path articles, Path gold, double confident) throws IOException {
    PositionExtractor extractor = new PositionExtractor(Ontology.loadDefault());
    ArticleFolder.read(articles)
        .forEach(
            (name, article) ->
                predictions.put(name, extractor.extract(article.headline(), article.body())));
    Map<String, List<ExtractedPosition>> confidentOnly = new LinkedHashMap<>();
    predictions.forEach(
        (name, positions) ->
            confidentOnly.put(
                name, positions.stream().filter(p -> p.confidence() >= confident).toList()));
    Evaluation evaluation = Evaluation.loadGold(gold);
    this.all = evaluation.score(predictions);
    this.confident = evaluation.score(confidentOnly);
  }

  /** Writes the predictions as JSON lines, the format the reference scorer reads. */
  void writePredictions(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, List<ExtractedPosition>> article : predictions.entrySet()) {
      for (ExtractedPosition p : article.getValue()) {
        lines.append(json.writeValueAsString(ScorerLine.of(article.getKey(), p))).append('\n');
      }
    }
    Files.writeString(file, lines);
  }
}
