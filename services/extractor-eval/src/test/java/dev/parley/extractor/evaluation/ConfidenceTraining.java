package dev.parley.extractor.evaluation;

import dev.parley.extractor.PositionExtractor;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.rules.ExtractedPosition;
import dev.parley.extractor.text.ArticleText;
import dev.parley.ingestor.CleanArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Trains a learned confidence ({@link ConfidenceModel}) on every gold set and measures it against
 * the rules' hand-set confidence, leave-one-article-out: each article's positions are rescored by a
 * model fitted on all the other articles. A position is a positive when its (article, actor, issue,
 * sign) is in the gold (required or optional). Run as a program it prints the tables of
 * docs/extraction.md and the weights trained on everything: {@code mvn -B -q -pl services/extractor
 * -am test-compile -Pconfidence-training}.
 */
public final class ConfidenceTraining {

  /**
   * L2 penalty on the weights, fixed before the first cross-validation: enough to keep a rare
   * feature from a huge weight on fifty articles. {@code -Dpenalty=0.1} reruns the sweep the docs
   * report.
   */
  static final double PENALTY = Double.parseDouble(System.getProperty("penalty", "1.0"));

  static final double TARGET_PRECISION = 0.90;
  static final String REAL = "real";

  record GoldFolder(String name, Path articles, Path gold) {}

  /** One article's positions as the rules score them, and the triples the gold allows. */
  record Article(
      String set,
      String name,
      int textLength,
      List<ExtractedPosition> positions,
      Set<Evaluation.Triple> allowed) {
    boolean positive(ExtractedPosition p) {
      return allowed.contains(Evaluation.Triple.of(p.actor(), p.issue(), p.stance()));
    }
  }

  /** Precision and recall at one threshold, summed over the scored sets. */
  record Row(double threshold, int tp, int fp, int fn) {
    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      return precision() + recall() == 0
          ? 0
          : 2 * precision() * recall() / (precision() + recall());
    }

    @Override
    public String toString() {
      return String.format(
          "| %.2f | %.3f | %.3f | %.3f | %d | %d |",
          threshold, precision(), recall(), f1(), tp, fp);
    }
  }

  private static final double FIRST = 0.30;
  private static final double STEP = 0.01;
  private static final int ROWS = 70;

  final List<Article> articles = new ArrayList<>();
  private final Map<String, Evaluation> evaluations = new LinkedHashMap<>();

  ConfidenceTraining(List<GoldFolder> folders) throws IOException {
    PositionExtractor rules = new PositionExtractor(Ontology.loadDefault());
    for (GoldFolder folder : folders) {
      Evaluation evaluation = Evaluation.loadGold(folder.gold());
      evaluations.put(folder.name(), evaluation);
      Map<String, List<ExtractedPosition>> predictions = new LinkedHashMap<>();
      Map<String, Integer> lengths = new LinkedHashMap<>();
      try (Stream<Path> files = Files.list(folder.articles())) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          CleanArticle article =
              CleanArticle.fromPlainText(Files.readString(file, StandardCharsets.UTF_8));
          String name = file.getFileName().toString();
          predictions.put(name, rules.extract(article.headline(), article.body()));
          lengths.put(name, ArticleText.of(article.headline(), article.body()).length());
        }
      }
      for (Evaluation.ArticleResult result : evaluation.score(predictions).articles()) {
        if (predictions.containsKey(result.article())) {
          articles.add(
              new Article(
                  folder.name(),
                  result.article(),
                  lengths.get(result.article()),
                  predictions.get(result.article()),
                  new HashSet<>(result.truePositives())));
        }
      }
    }
  }

  /** The project's gold sets: the shared dev and real sets and the extractor's own test sets. */
  static List<GoldFolder> folders(Path extractorDir) {
    Path shared = extractorDir.resolve("../../../shared").normalize();
    Path own = extractorDir.resolve("src/test/resources");
    List<GoldFolder> folders = new ArrayList<>();
    folders.add(new GoldFolder("dev", shared.resolve("articles"), shared.resolve("eval/dev")));
    folders.add(
        new GoldFolder(
            REAL, shared.resolve("eval/real/articles"), shared.resolve("eval/real/gold")));
    for (String set : List.of("heldout", "fresh", "blind", "blind2")) {
      folders.add(
          new GoldFolder(
              set, own.resolve(set).resolve("articles"), own.resolve(set).resolve("gold")));
    }
    return folders;
  }

  ConfidenceModel train(Predicate<Article> include) {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (Article article : articles) {
      if (include.test(article)) {
        for (ExtractedPosition p : article.positions()) {
          x.add(ConfidenceFeatures.of(p, article.positions(), article.textLength()));
          y.add(article.positive(p));
        }
      }
    }
    return new ConfidenceModel(new LogisticFit(PENALTY).fit(x, y));
  }

  /**
   * Every article's positions rescored by a model trained on all other articles, by set and
   * article.
   */
  Map<String, Map<String, List<ExtractedPosition>>> leaveOneArticleOut() {
    Map<String, Map<String, List<ExtractedPosition>>> rescored = new LinkedHashMap<>();
    for (Article held : articles) {
      ConfidenceModel model = train(a -> a != held);
      rescored
          .computeIfAbsent(held.set(), s -> new LinkedHashMap<>())
          .put(held.name(), model.rescore(held.positions(), held.textLength()));
    }
    return rescored;
  }

  /** The rules' own confidence, in the same shape as {@link #leaveOneArticleOut()}. */
  Map<String, Map<String, List<ExtractedPosition>>> rules() {
    Map<String, Map<String, List<ExtractedPosition>>> byset = new LinkedHashMap<>();
    for (Article a : articles) {
      byset.computeIfAbsent(a.set(), s -> new LinkedHashMap<>()).put(a.name(), a.positions());
    }
    return byset;
  }

  /** Precision and recall at each threshold, over the given sets' predictions. */
  List<Row> table(
      Map<String, Map<String, List<ExtractedPosition>>> predictions, Predicate<String> sets) {
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      double threshold = Math.round((FIRST + r * STEP) * 100) / 100.0;
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Map.Entry<String, Map<String, List<ExtractedPosition>>> set : predictions.entrySet()) {
        if (!sets.test(set.getKey())) {
          continue;
        }
        Map<String, List<ExtractedPosition>> kept = new LinkedHashMap<>();
        set.getValue()
            .forEach(
                (name, positions) ->
                    kept.put(
                        name,
                        positions.stream().filter(p -> p.confidence() >= threshold).toList()));
        Evaluation.Report report = evaluations.get(set.getKey()).score(kept);
        tp += report.tp();
        fp += report.fp();
        fn += report.fn();
      }
      rows.add(new Row(threshold, tp, fp, fn));
    }
    return rows;
  }

  /** The lowest threshold whose precision reaches the target, or null when none does. */
  static Row chosen(List<Row> table) {
    return table.stream()
        .filter(r -> r.tp() > 0 && r.precision() >= TARGET_PRECISION)
        .findFirst()
        .orElse(null);
  }

  public static void main(String[] args) throws IOException {
    Path extractorDir = Path.of(args.length > 0 ? args[0] : ".");
    List<GoldFolder> folders = folders(extractorDir);
    for (GoldFolder folder : folders) {
      if (!Files.isDirectory(folder.articles())) {
        throw new IllegalStateException(
            "gold set "
                + folder.name()
                + " not found at "
                + folder.articles()
                + "; the shared sets must sit at ../shared next to the repository");
      }
    }
    ConfidenceTraining training = new ConfidenceTraining(folders);
    long positions = training.articles.stream().mapToLong(a -> a.positions().size()).sum();
    System.out.printf(
        "%d articles, %d positions; leave-one-article-out ...%n",
        training.articles.size(), positions);
    Map<String, Map<String, List<ExtractedPosition>>> cv = training.leaveOneArticleOut();
    print("real set, rules' confidence", training.table(training.rules(), REAL::equals));
    print("real set, learned confidence, leave-one-article-out", training.table(cv, REAL::equals));
    print("all sets, rules' confidence", training.table(training.rules(), s -> true));
    print("all sets, learned confidence, leave-one-article-out", training.table(cv, s -> true));
    System.out.printf(
        "weights trained on all %d articles (L2 penalty %s):%n%s",
        training.articles.size(), PENALTY, training.train(a -> true));
  }

  private static void print(String title, List<Row> table) {
    System.out.println(
        title + "; lowest threshold with precision >= " + TARGET_PRECISION + ": " + chosen(table));
    System.out.println("| confidence >= | precision | recall | F1 | tp | fp |");
    System.out.println("|---|---|---|---|---|---|");
    table.forEach(System.out::println);
  }
}
