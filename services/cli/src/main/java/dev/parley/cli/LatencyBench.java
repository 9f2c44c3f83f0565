package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ServiceConfig;
import dev.parley.ingestor.CleanArticle;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "latency", mixinStandardHelpOptions = true,
    description = "Time from the ingestor's acknowledgement of an article to the first state change it causes on the aggregator's "
        + "SSE stream, article after article: p50, p90, p99 and max. Starts its own local stack in a temporary folder unless "
        + "--ingestor and --aggregator name running ones.",
    footer = {"", "Examples:", "  ./parley bench latency", "  ./parley bench latency --articles 500",
        "  ./parley bench latency --ingestor http://localhost:8080 --aggregator http://localhost:8090"})
final class LatencyBench implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 60;

  @Option(names = "--articles", defaultValue = "200", description = "How many articles to push (default ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--ingestor", description = "A running ingestor (default: start a local stack).")
  URI ingestor;

  @Option(names = "--aggregator", description = "A running aggregator (default: start a local stack).")
  URI aggregator;

  @Override
  public Integer call() throws Exception {
    if ((ingestor == null) != (aggregator == null)) {
      throw new IllegalArgumentException("Give both --ingestor and --aggregator, or neither to measure a local stack of its own.");
    }
    if (count < 1) {
      throw new IllegalArgumentException("--articles must be at least 1.");
    }
    if (ingestor != null) {
      return measure(new IngestorClient(ingestor, System.getenv(IngestorClient.FEED_KEY)), aggregator);
    }
    Path data = Files.createTempDirectory("parley-bench-latency");
    try (LocalStack stack = LocalStack.start(data, new LocalStack.Ports(0, 0, 0, 0, 0, 0), ServiceConfig.fromEnvironment(), System.out)) {
      return measure(stack.ingestorClient(), stack.aggregator().httpAddress());
    } finally {
      try (Stream<Path> paths = Files.walk(data)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private int measure(IngestorClient client, URI aggregatorAddress) throws Exception {
    List<CleanArticle> texts = new ArrayList<>();
    for (Path file : ArticleFiles.list(List.of(ParleyMain.home().resolve("../shared/articles")))) {
      texts.add(ArticleFiles.read(file));
    }
    Map<String, Long> firstChangeNanos = new ConcurrentHashMap<>();
    String run = Long.toString(System.currentTimeMillis(), 36);
    long[] latencies = new long[count];
    System.out.printf("Pushing %d articles one after another (the sample texts under new URLs) ...%n", count);
    try (SseSubscriber events = SseSubscriber.subscribe(aggregatorAddress.resolve("/events"),
        e -> firstChangeNanos.putIfAbsent(read(e.data()).path("causedBy").path("articleId").asText(), System.nanoTime()))) {
      for (int i = 0; i < count; i++) {
        CleanArticle text = texts.get(i % texts.size());
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("headline", text.headline());
        article.put("body", text.body());
        article.put("source", "bench-" + (i % 7));
        article.put("url", "https://bench.parley.invalid/" + run + "/" + i);
        article.put("publishedAt", Instant.now().toString());
        String id = client.push(article);
        long acknowledged = System.nanoTime();
        latencies[i] = awaitChange(firstChangeNanos, id) - acknowledged;
        if ((i + 1) % 20 == 0 || i + 1 == count) {
          System.out.printf("  %d/%d  last %.0f ms%n", i + 1, count, latencies[i] / 1e6);
        }
      }
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf("ingest ack -> SSE change: p50 %.0f ms   p90 %.0f ms   p99 %.0f ms   max %.0f ms   (%d articles)%n",
        percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, count);
    return 0;
  }

  private static long awaitChange(Map<String, Long> firstChangeNanos, String articleId) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!firstChangeNanos.containsKey(articleId)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("Article " + articleId + " caused no state change within " + TIMEOUT_SECONDS
            + " s; check that the extractor and aggregator are running (GET /ready on each).");
      }
      Thread.sleep(1);
    }
    return firstChangeNanos.get(articleId);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static JsonNode read(String data) {
    try {
      return JSON.readTree(data);
    } catch (IOException e) {
      throw new IllegalStateException("The aggregator sent an event that is not JSON: " + data, e);
    }
  }
}
