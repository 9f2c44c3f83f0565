package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extractor.PositionExtractor;
import dev.parley.extractor.evaluation.ScorerLine;
import dev.parley.extractor.rules.ExtractedPosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description =
        "Runs the extractor on plain-text article files, without Kafka, and prints one JSON line per position "
            + "in the format ../shared/eval/score reads.",
    footer = {
      "",
      "Examples:",
      "  ./parley extract ../shared/articles/*.txt | ../shared/eval/score ../shared/eval/dev",
      "  ./parley extract --ontology my-negotiation.yaml today/*.txt"
    })
final class ExtractCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Plain-text articles (first line is the headline), or folders of them.")
  List<Path> files;

  @Mixin OntologyOption ontology;

  @Override
  public Integer call() throws Exception {
    PositionExtractor extractor = new PositionExtractor(ontology.load());
    for (Map.Entry<String, List<ExtractedPosition>> article :
        ArticleFiles.extract(files, extractor).entrySet()) {
      for (ExtractedPosition p : article.getValue()) {
        System.out.println(JSON.writeValueAsString(ScorerLine.of(article.getKey(), p)));
      }
    }
    return 0;
  }
}
