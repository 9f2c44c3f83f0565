package dev.parley.extractor.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extractor.rules.ExtractedPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores extracted positions against a gold set with the rules of shared/eval/README.md: the unit
 * is (article, actor, issue, sign of stance); optional gold positions may be predicted but need not
 * be; precision, recall and F1 are micro-averaged; intensity is the share of true positives whose
 * |stance| also matches. Prints what the reference scorer prints, line for line.
 */
public final class Evaluation {

  /** What is scored: an actor's stance direction on an issue. */
  public record Triple(String actor, String issue, int sign) {
    static Triple of(String actor, String issue, int stance) {
      return new Triple(actor, issue, Integer.signum(stance));
    }

    @Override
    public String toString() {
      return actor + " " + issue + " " + (sign > 0 ? "for" : "against");
    }
  }

  /** One article's outcome. */
  public record ArticleResult(
      String article,
      List<Triple> truePositives,
      List<Triple> falsePositives,
      List<Triple> missed) {}

  /** The outcome over the gold set. */
  public record Report(List<ArticleResult> articles, int sameIntensity) {
    public int tp() {
      return articles.stream().mapToInt(a -> a.truePositives().size()).sum();
    }

    public int fp() {
      return articles.stream().mapToInt(a -> a.falsePositives().size()).sum();
    }

    public int fn() {
      return articles.stream().mapToInt(a -> a.missed().size()).sum();
    }

    public double precision() {
      return tp() + fp() == 0 ? 0 : (double) tp() / (tp() + fp());
    }

    public double recall() {
      return tp() + fn() == 0 ? 0 : (double) tp() / (tp() + fn());
    }

    public double f1() {
      return precision() + recall() == 0
          ? 0
          : 2 * precision() * recall() / (precision() + recall());
    }

    public double intensity() {
      return tp() == 0 ? 0 : (double) sameIntensity / tp();
    }

    /** The per-article table and its details, as the reference scorer prints them. */
    public List<String> table() {
      List<String> lines = new ArrayList<>();
      lines.add(String.format("%-32s %3s %3s %3s", "article", "tp", "fp", "fn"));
      for (ArticleResult a : articles) {
        lines.add(
            String.format(
                "%-32s %3d %3d %3d",
                a.article(),
                a.truePositives().size(),
                a.falsePositives().size(),
                a.missed().size()));
        a.falsePositives().forEach(t -> lines.add("  false positive: " + t));
        a.missed().forEach(t -> lines.add("  missed:         " + t));
      }
      return lines;
    }

    public String summary() {
      return String.format(
          "score: precision=%.3f recall=%.3f f1=%.3f intensity=%.3f tp=%d fp=%d fn=%d articles=%d",
          precision(), recall(), f1(), intensity(), tp(), fp(), fn(), articles.size());
    }
  }

  private record GoldArticle(String article, Map<Triple, Integer> allowed, Set<Triple> required) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<GoldArticle> gold;

  private Evaluation(List<GoldArticle> gold) {
    this.gold = gold;
  }

  /**
   * Reads every {@code *.json} gold file of the folder, or of its {@code gold/} when it is a whole
   * set (format in shared/eval/README.md).
   */
  public static Evaluation loadGold(Path given) {
    Path folder = goldFolder(given);
    List<GoldArticle> gold = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        gold.add(readGold(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the gold folder " + folder + ": " + e.getMessage(), e);
    }
    if (gold.isEmpty()) {
      throw new IllegalArgumentException(
          "No gold files (*.json) in " + folder + "; see shared/eval/README.md for their format.");
    }
    return new Evaluation(gold);
  }

  /** A set's folder holds articles/ and gold/: "--gold ../shared/eval/real" means its gold/. */
  private static Path goldFolder(Path given) {
    Path inner = given.resolve("gold");
    return Files.isDirectory(inner) && !hasGoldFiles(given) ? inner : given;
  }

  private static boolean hasGoldFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.toString().endsWith(".json"));
    } catch (IOException e) {
      return false; // reading it again below reports the problem
    }
  }

  private static GoldArticle readGold(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (!root.hasNonNull("article") || !root.path("positions").isArray()) {
      throw new IllegalArgumentException(
          file + " is not a gold file: it needs \"article\" and a \"positions\" array.");
    }
    Map<Triple, Integer> allowed = new LinkedHashMap<>();
    Set<Triple> required = new java.util.LinkedHashSet<>();
    for (JsonNode g : root.path("positions")) {
      Triple triple =
          Triple.of(g.path("actor").asText(), g.path("issue").asText(), g.path("stance").asInt());
      allowed.put(triple, Math.abs(g.path("stance").asInt()));
      if (!g.path("optional").asBoolean(false)) {
        required.add(triple);
      }
    }
    return new GoldArticle(root.path("article").asText(), allowed, required);
  }

  /** Scores predictions, keyed by article file name; articles without gold are ignored. */
  public Report score(Map<String, List<ExtractedPosition>> predictionsByArticle) {
    List<ArticleResult> results = new ArrayList<>();
    int sameIntensity = 0;
    for (GoldArticle article : gold) {
      Map<Triple, Set<Integer>> predicted = new LinkedHashMap<>();
      for (ExtractedPosition p : predictionsByArticle.getOrDefault(article.article(), List.of())) {
        predicted
            .computeIfAbsent(Triple.of(p.actor(), p.issue(), p.stance()), t -> new HashSet<>())
            .add(Math.abs(p.stance()));
      }
      List<Triple> tp = predicted.keySet().stream().filter(article.allowed()::containsKey).toList();
      List<Triple> fp =
          predicted.keySet().stream().filter(t -> !article.allowed().containsKey(t)).toList();
      List<Triple> missed =
          article.required().stream().filter(t -> !predicted.containsKey(t)).toList();
      sameIntensity +=
          (int)
              tp.stream().filter(t -> predicted.get(t).contains(article.allowed().get(t))).count();
      results.add(new ArticleResult(article.article(), tp, fp, missed));
    }
    return new Report(results, sameIntensity);
  }
}
