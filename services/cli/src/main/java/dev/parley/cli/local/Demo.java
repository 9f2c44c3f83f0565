package dev.parley.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.ArticleFiles;
import dev.parley.cli.IngestorClient;
import dev.parley.cli.SseSubscriber;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Pushes articles one by one through the ingestor's HTTP API and, after each, waits for the state
 * changes it causes (read from the aggregator's event stream) and prints the table.
 */
public record Demo(IngestorClient ingestor, URI aggregator, PrintStream out) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long QUIET_MS = 700;
  private static final long ARTICLE_TIMEOUT_MS = 30_000;

  public void run(Path folder, long startedNanos) throws IOException, InterruptedException {
    List<Path> files = ArticleFiles.list(List.of(folder));
    if (files.isEmpty()) {
      throw new IOException(
          "No articles in " + folder + "; pass a folder of .txt articles with --articles.");
    }
    PositionTable table = new PositionTable(aggregator);
    BlockingQueue<JsonNode> changes = new LinkedBlockingQueue<>();
    boolean firstUpdateSeen = false;
    try (SseSubscriber events =
        SseSubscriber.subscribe(aggregator.resolve("/events"), e -> changes.add(parse(e.data())))) {
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        long pushed = System.nanoTime();
        Set<String> ids = new LinkedHashSet<>(ingestor.push(file, null));
        long acknowledged = System.nanoTime();
        Changes caused = awaitChanges(changes, ids);
        Set<String> changed = caused.keys();
        out.printf(
            "%n[%d/%d] %s (article %s): accepted in %d ms, %d position(s) changed, the first %d ms after acceptance%n",
            i + 1,
            files.size(),
            file.getFileName(),
            String.join(",", ids),
            (acknowledged - pushed) / 1_000_000,
            changed.size(),
            Math.max(0, caused.firstChangeNanos() - acknowledged) / 1_000_000);
        if (!firstUpdateSeen && !changed.isEmpty()) {
          firstUpdateSeen = true;
          out.printf(
              "      first position update %.1f s after `parley up` started%n",
              (System.nanoTime() - startedNanos) / 1e9);
        }
        table.print(out, changed);
      }
    }
  }

  /** The positions an article changed, and when the first of its changes arrived. */
  private record Changes(Set<String> keys, long firstChangeNanos) {}

  /** Waits for a change caused by one of the articles, then until the changes stop coming. */
  private static Changes awaitChanges(BlockingQueue<JsonNode> changes, Set<String> articleIds)
      throws InterruptedException {
    Set<String> changed = new LinkedHashSet<>();
    long deadline = System.currentTimeMillis() + ARTICLE_TIMEOUT_MS;
    long firstOurs = 0;
    while (System.currentTimeMillis() < deadline) {
      JsonNode change = changes.poll(firstOurs != 0 ? QUIET_MS : 200, TimeUnit.MILLISECONDS);
      if (change == null) {
        if (firstOurs != 0) {
          break;
        }
        continue;
      }
      changed.add(change.path("key").asText());
      if (firstOurs == 0
          && articleIds.contains(change.path("causedBy").path("articleId").asText())) {
        firstOurs = System.nanoTime();
      }
    }
    return new Changes(changed, firstOurs);
  }

  private static JsonNode parse(String data) {
    try {
      return JSON.readTree(data);
    } catch (IOException e) {
      throw new IllegalStateException("The aggregator sent an event that is not JSON: " + data, e);
    }
  }
}
