package dev.parley.cli.bench;

import dev.parley.cli.ArticleFiles;
import dev.parley.cli.OntologyOption;
import dev.parley.cli.ParleyMain;
import dev.parley.extractor.PositionExtractor;
import dev.parley.ingestor.CleanArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print numbers.",
    subcommands = {BenchCommand.Extract.class, ThroughputBench.class, LatencyBench.class})
public final class BenchCommand {

  @Command(
      name = "extract",
      mixinStandardHelpOptions = true,
      description =
          "Extraction speed on one thread, in process: articles/s, words/s, the 800-word-article rate, and per-article "
              + "median and p99 times, after a warm-up.",
      footer = {
        "",
        "Examples:",
        "  ./parley bench extract",
        "  ./parley bench extract --seconds 30 archive/*.txt"
      })
  static final class Extract implements Callable<Integer> {

    @Parameters(
        arity = "0..*",
        paramLabel = "FILE",
        description = "Plain-text articles (default: the sample articles).")
    List<Path> files = new ArrayList<>();

    @Option(
        names = "--seconds",
        defaultValue = "10",
        description = "How long to measure (default ${DEFAULT-VALUE}).")
    int seconds;

    @Mixin OntologyOption ontology;

    @Override
    public Integer call() throws Exception {
      List<Path> inputs =
          ArticleFiles.list(
              files.isEmpty() ? List.of(ParleyMain.home().resolve("../shared/articles")) : files);
      List<CleanArticle> articles = new ArrayList<>();
      long words = 0;
      for (Path file : inputs) {
        CleanArticle article = ArticleFiles.read(file);
        articles.add(article);
        words += (article.headline() + " " + article.body()).split("\\s+").length;
      }
      double wordsPerArticle = (double) words / articles.size();
      PositionExtractor extractor = new PositionExtractor(ontology.load());
      System.out.printf(
          "%d articles, %.0f words each on average; warming up...%n",
          articles.size(), wordsPerArticle);
      run(extractor, articles, 3_000_000_000L, null);
      long[] timings = new long[5_000_000];
      int measured = run(extractor, articles, seconds * 1_000_000_000L, timings);
      long[] sorted = Arrays.copyOf(timings, measured);
      Arrays.sort(sorted);
      double totalSeconds = Arrays.stream(sorted).sum() / 1e9;
      double articlesPerSecond = measured / totalSeconds;
      System.out.printf(
          "articles/s: %.0f   words/s: %.0f   800-word articles/s: %.0f%n",
          articlesPerSecond,
          articlesPerSecond * wordsPerArticle,
          articlesPerSecond * wordsPerArticle / 800);
      System.out.printf(
          "per article: median %.3f ms   p99 %.3f ms   (%d extractions in %.1f s, one thread)%n",
          sorted[measured / 2] / 1e6,
          sorted[(int) (measured * 0.99)] / 1e6,
          measured,
          totalSeconds);
      return 0;
    }

    /**
     * Extracts round-robin for {@code nanos}, printing progress each second; records each time when
     * asked.
     */
    private static int run(
        PositionExtractor extractor, List<CleanArticle> articles, long nanos, long[] timings) {
      long start = System.nanoTime();
      long nextReport = start + 1_000_000_000L;
      int done = 0;
      while (System.nanoTime() - start < nanos && (timings == null || done < timings.length)) {
        CleanArticle article = articles.get(done % articles.size());
        long before = System.nanoTime();
        extractor.extract(article.headline(), article.body());
        long after = System.nanoTime();
        if (timings != null) {
          timings[done] = after - before;
          if (after > nextReport) {
            System.out.printf("  %2d s: %d extractions%n", (after - start) / 1_000_000_000L, done);
            nextReport += 1_000_000_000L;
          }
        }
        done++;
      }
      return done;
    }
  }
}
