package dev.parley.cli;

import dev.parley.extractor.Evaluation;
import dev.parley.extractor.ExtractedPosition;
import dev.parley.extractor.PositionExtractor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Extracts positions from articles and scores them against a gold set (rules of shared/eval/README.md): "
        + "per article the true positives, false positives and misses, the precision of confident positions, then the summary line.",
    footer = {"", "Examples:", "  ./parley eval --gold ../shared/eval/dev ../shared/articles",
        "  ./parley eval --gold my-gold/ --ontology my-negotiation.yaml my-articles/*.txt"})
final class EvalCommand implements Callable<Integer> {

  @Option(names = "--gold", required = true, description = "Folder of gold files, one JSON per article.")
  Path gold;

  @Parameters(arity = "1..*", paramLabel = "ARTICLE", description = "Plain-text articles, or folders of them.")
  List<Path> files;

  @Mixin
  OntologyOption ontology;

  @Option(names = "--confident", defaultValue = "0.7", description = "Confidence from which a position counts as confident "
      + "(default ${DEFAULT-VALUE}).")
  double confident;

  @Override
  public Integer call() throws Exception {
    Evaluation evaluation = Evaluation.loadGold(gold);
    Map<String, List<ExtractedPosition>> predictions = ArticleFiles.extract(files, new PositionExtractor(ontology.load()));
    Evaluation.Report report = evaluation.score(predictions);
    report.table().forEach(System.out::println);
    Map<String, List<ExtractedPosition>> confidentOnly = new LinkedHashMap<>();
    predictions.forEach((article, positions) -> confidentOnly.put(article,
        positions.stream().filter(p -> p.confidence() >= confident).toList()));
    Evaluation.Report confidentReport = evaluation.score(confidentOnly);
    System.out.printf("confidence >= %.2f: precision=%.3f recall=%.3f tp=%d fp=%d%n", confident, confidentReport.precision(),
        confidentReport.recall(), confidentReport.tp(), confidentReport.fp());
    System.out.println(report.summary());
    return 0;
  }
}
