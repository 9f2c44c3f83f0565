package dev.parley.cli.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.ArticleFiles;
import dev.parley.cli.IngestorClient;
import dev.parley.cli.ParleyMain;
import dev.parley.cli.SseSubscriber;
import dev.parley.ingestor.CleanArticle;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description =
        "Time from the ingestor's acknowledgement of an article to the first state change it causes on the aggregator's "
            + "SSE stream, article after article or at a steady --rate: p50, p90, p99 and max. Progress goes to stderr. Starts its own local stack in a temporary folder unless "
            + "--ingestor and --aggregator name running ones.",
    footer = {
      "",
      "Examples:",
      "  ./parley bench latency",
      "  ./parley bench latency --articles 500",
      "  ./parley bench latency --rate 100 --articles 3000",
      "  ./parley bench latency --rate 100 --articles 3000 --warmup 6000",
      "  ./parley bench latency --ingestor http://localhost:8080 --aggregator http://localhost:8090"
    })
final class LatencyBench implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 60;

  @Option(
      names = "--articles",
      defaultValue = "200",
      description = "How many articles to push (default ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--rate",
      description =
          "Push at this many articles/s instead of one after another, without waiting for each "
              + "change (e.g. 100; --articles then sets how long: 100/s for 3,000 articles is 30 s).")
  Integer rate;

  @Option(
      names = "--warmup",
      defaultValue = "0",
      description =
          "Push this many articles first, at the same pace, and wait for their changes before "
              + "measuring: the JVM compiles the hot code in the first minute of a run, which a "
              + "service running for months has long done (default ${DEFAULT-VALUE}).")
  int warmup;

  @Mixin BenchTarget target;

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new IllegalArgumentException("--articles must be at least 1.");
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must be 0 or more articles.");
    }
    if (rate != null && rate < 1) {
      throw new IllegalArgumentException("--rate must be at least 1 article/s.");
    }
    return target.measure(
        "latency", (ingestor, aggregator, kafka, local) -> measure(ingestor, aggregator));
  }

  private int measure(IngestorClient client, URI aggregatorAddress) throws Exception {
    List<CleanArticle> texts = new ArrayList<>();
    for (Path file : ArticleFiles.list(List.of(ParleyMain.home().resolve("../shared/articles")))) {
      texts.add(ArticleFiles.read(file));
    }
    Map<String, Long> firstChangeNanos = new ConcurrentHashMap<>();
    Pusher pusher =
        new Pusher(
            client,
            texts,
            // filler keeps the copies of one sample from being one ever-growing story
            new BenchArticles(texts, 7),
            Long.toString(System.currentTimeMillis(), 36),
            firstChangeNanos);
    String pace = rate == null ? "one after another" : "at " + rate + " articles/s";
    try (SseSubscriber events =
        SseSubscriber.subscribe(
            aggregatorAddress.resolve("/events"),
            e -> firstChangeNanos.putIfAbsent(causingArticle(e.data()), System.nanoTime()))) {
      if (warmup > 0) {
        System.err.printf(
            "Warming up: %d articles %s, not measured, each awaited ...%n", warmup, pace);
        pusher.push(warmup);
      }
      System.err.printf(
          "Pushing %d articles %s (the sample texts with filler, under new URLs) ...%n",
          count, pace);
      long[] sorted = pusher.push(count);
      Arrays.sort(sorted);
      System.out.printf(
          "ingest ack -> SSE change: p50 %.0f ms   p90 %.0f ms   p99 %.0f ms   max %.0f ms   (%d articles, %s%s)%n",
          percentile(sorted, 0.50),
          percentile(sorted, 0.90),
          percentile(sorted, 0.99),
          sorted[sorted.length - 1] / 1e6,
          count,
          pace,
          warmup > 0 ? ", after " + warmup + " to warm up" : "");
    }
    return 0;
  }

  /** Pushes articles, each under a new URL, and times each one's first change. */
  private final class Pusher {

    private final IngestorClient client;
    private final List<CleanArticle> texts;
    private final BenchArticles distinct;
    private final String run;
    private final Map<String, Long> firstChangeNanos;
    private int pushed;

    Pusher(
        IngestorClient client,
        List<CleanArticle> texts,
        BenchArticles distinct,
        String run,
        Map<String, Long> firstChangeNanos) {
      this.client = client;
      this.texts = texts;
      this.distinct = distinct;
      this.run = run;
      this.firstChangeNanos = firstChangeNanos;
    }

    /** The latencies of {@code n} articles, once all of them have caused a change. */
    long[] push(int n) throws Exception {
      String[] ids = new String[n];
      long[] acknowledged = new long[n];
      long[] latencies = new long[n];
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        if (rate != null) {
          long due = start + i * 1_000_000_000L / rate;
          // one wake-up per article, not one every 0.2 ms on the cores of the pipeline measured
          for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
            LockSupport.parkNanos(due - now);
          }
        }
        ids[i] = client.push(next());
        acknowledged[i] = System.nanoTime();
        if (rate == null) {
          latencies[i] = awaitChange(firstChangeNanos, ids[i]) - acknowledged[i];
        }
        if ((i + 1) % 20 == 0 || i + 1 == n) {
          System.err.printf("  %d/%d pushed%n", i + 1, n);
        }
      }
      for (int i = 0; i < n && rate != null; i++) {
        latencies[i] = awaitChange(firstChangeNanos, ids[i]) - acknowledged[i];
      }
      return latencies;
    }

    private Map<String, Object> next() {
      int i = pushed++;
      CleanArticle text = texts.get(i % texts.size());
      Map<String, Object> article = new LinkedHashMap<>();
      article.put("headline", text.headline());
      article.put("body", distinct.withFiller(text.body()));
      article.put("source", "bench-" + (i % 7));
      article.put("url", "https://bench.parley.invalid/" + run + "/" + i);
      article.put("publishedAt", Instant.now().toString());
      return article;
    }
  }

  private static long awaitChange(Map<String, Long> firstChangeNanos, String articleId)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!firstChangeNanos.containsKey(articleId)) {
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "Article "
                + articleId
                + " caused no state change within "
                + TIMEOUT_SECONDS
                + " s; check that the extractor and aggregator are running (GET /ready on each).");
      }
      Thread.sleep(1);
    }
    return firstChangeNanos.get(articleId);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  /**
   * The id of the article that caused a change event. Read field by field, skipping the states
   * before and after it: parsing tens of kilobytes into a tree for each event took a few percent of
   * the two cores that the pipeline being measured runs on.
   */
  static String causingArticle(String data) {
    try (JsonParser parser = JSON.getFactory().createParser(data)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if (field.equals("causedBy")) {
            return JSON.<JsonNode>readTree(parser).path("articleId").asText();
          }
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("The aggregator sent an event that is not JSON: " + data, e);
    }
    throw new IllegalStateException(
        "The aggregator sent a change without causedBy; is --aggregator a Parley aggregator? "
            + data);
  }
}
