package dev.parley.cli;

import dev.parley.extractor.PositionExtractor;
import dev.parley.extractor.evaluation.Evaluation;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.rules.ExtractedPosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Extracts positions from articles and scores them against a gold set (rules of shared/eval/README.md): "
            + "per article the true positives, false positives and misses, then precision and recall at each confidence "
            + "threshold (the ontology's confirmation threshold marked), then the summary line.",
    footer = {
      "",
      "Examples:",
      "  ./parley eval --gold ../shared/eval/dev ../shared/articles",
      "  ./parley eval --gold my-gold/ --ontology my-negotiation.yaml my-articles/*.txt"
    })
final class EvalCommand implements Callable<Integer> {

  @Option(
      names = "--gold",
      required = true,
      description = "Folder of gold files, one JSON per article.")
  Path gold;

  @Parameters(
      arity = "1..*",
      paramLabel = "ARTICLE",
      description = "Plain-text articles, or folders of them.")
  List<Path> files;

  @Mixin OntologyOption ontology;

  @Override
  public Integer call() throws Exception {
    Evaluation evaluation = Evaluation.loadGold(gold);
    Ontology loaded = ontology.load();
    Map<String, List<ExtractedPosition>> predictions =
        ArticleFiles.extract(files, new PositionExtractor(loaded));
    Evaluation.Report report = evaluation.score(predictions);
    report.table().forEach(System.out::println);
    new ThresholdTable(evaluation, predictions, loaded.confirmationThreshold())
        .lines()
        .forEach(System.out::println);
    System.out.println(report.summary());
    return 0;
  }
}
