package dev.parley.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.ingestor.CleanArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * More articles than the five samples, for replays worth interrupting: each sample several times
 * over, as different articles (own URL, so own id) from different outlets at different times, so
 * that losing any one of them changes some position's counts, sources or latest evidence.
 */
public final class ArticleCorpus {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> OUTLETS =
      List.of("reuters", "bbc", "ap", "kyiv-independent", "tass", "le-monde", "dw");
  private static final Instant FIRST = Instant.parse("2025-11-20T06:00:00Z");

  private final List<ObjectNode> articles;

  private ArticleCorpus(List<ObjectNode> articles) {
    this.articles = articles;
  }

  /** {@code copies} articles of each sample, published 37 minutes apart, in publication order. */
  public static ArticleCorpus ofSamples(int copies) throws IOException {
    List<Path> samples = ArticleFiles.list(List.of(SampleArticles.folder()));
    List<ObjectNode> articles = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      for (Path sample : samples) {
        CleanArticle text = ArticleFiles.read(sample);
        int n = articles.size();
        articles.add(
            JSON.createObjectNode()
                .put("headline", text.headline())
                .put("body", text.body())
                .put("url", "https://news.example/" + sample.getFileName() + "/" + copy)
                .put("source", OUTLETS.get(n % OUTLETS.size()))
                .put("publishedAt", FIRST.plus(Duration.ofMinutes(37L * n)).toString()));
      }
    }
    return new ArticleCorpus(articles);
  }

  public int size() {
    return articles.size();
  }

  /** The n-th article, as the ingestor's JSON fields. */
  public Map<String, Object> article(int n) {
    return JSON.convertValue(articles.get(n), new TypeReference<Map<String, Object>>() {});
  }

  long from(String outlet) {
    return articles.stream().filter(a -> a.path("source").asText().equals(outlet)).count();
  }

  long publishedSince(Instant time) {
    return articles.stream()
        .filter(a -> !Instant.parse(a.path("publishedAt").asText()).isBefore(time))
        .count();
  }

  /** The n-th article's publication time. */
  Instant published(int n) {
    return Instant.parse(articles.get(n).path("publishedAt").asText());
  }

  /** Pushes them through the ingestor's batch API, as one NDJSON file; returns their ids. */
  List<String> push(IngestorClient ingestor, Path folder) throws Exception {
    Path file = folder.resolve("corpus.ndjson");
    List<String> lines = new ArrayList<>();
    for (ObjectNode article : articles) {
      lines.add(JSON.writeValueAsString(article));
    }
    Files.write(file, lines);
    return ingestor.push(file, null);
  }
}
