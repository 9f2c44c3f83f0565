package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extractor.PositionExtractor;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.ingestor.CleanArticle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the sample articles through a running pipeline over HTTP and checks, through the
 * aggregator's HTTP API and an SSE subscriber, what every deployment of Parley must do with them.
 */
final class PipelineCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineCheck() {}

  static void samplesBuildTheLiveState(IngestorClient client, URI aggregator) throws Exception {
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    try (SseSubscriber subscriber =
        SseSubscriber.subscribe(
            aggregator.resolve("/events"),
            e -> {
              if (e.name().equals("change")) {
                events.add(read(e.data()));
              }
            })) {
      // an article that states no position above the confirmation threshold may leave the
      // state as it is, so only those that state a confirmed one must change it
      Set<String> articleIds = new LinkedHashSet<>();
      Set<String> confirming = new LinkedHashSet<>();
      for (Path file : ArticleFiles.list(List.of(SampleArticles.folder()))) {
        List<String> ids = client.push(file, null);
        assertEquals(1, ids.size(), file + " is one article");
        articleIds.addAll(ids);
        if (statesAConfirmedPosition(file)) {
          confirming.addAll(ids);
        }
      }
      assertEquals(5, articleIds.size(), "five distinct articles");
      assertTrue(confirming.size() >= 4, "most samples state a confirmed position: " + confirming);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!updatersOf(events).containsAll(confirming)) {
        if (System.nanoTime() > deadline) {
          Set<String> missing = new LinkedHashSet<>(confirming);
          missing.removeAll(updatersOf(events));
          fail(
              "No state update was caused by articles "
                  + missing
                  + " within 90 s; events seen: "
                  + events.size());
        }
        Thread.sleep(100);
      }
      Thread.sleep(1000);

      JsonNode state = JSON.readTree(get(aggregator.resolve("/state")));
      assertTrue(
          stanceOf(state, "russia", "territory") > 0,
          "Russia is for Ukraine ceding territory: " + state);
      assertTrue(
          stanceOf(state, "ukraine", "territory") < 0,
          "Ukraine is against ceding territory: " + state);

      JsonNode lastRussian = lastEventFor(events, "ukraine-peace/russia/territory");
      JsonNode lastUkrainian = lastEventFor(events, "ukraine-peace/ukraine/territory");
      assertTrue(
          lastRussian.path("after").path("stance").asInt() > 0,
          "the SSE stream agrees: " + lastRussian);
      assertTrue(
          lastUkrainian.path("after").path("stance").asInt() < 0,
          "the SSE stream agrees: " + lastUkrainian);
      assertFalse(
          lastUkrainian.path("after").path("evidence").path(0).path("sentence").asText().isBlank(),
          "evidence travels with the state");

      JsonNode one =
          JSON.readTree(
              get(aggregator.resolve("/state/ukraine-peace/positions/ukraine/territory")));
      assertEquals(stanceOf(state, "ukraine", "territory"), one.path("stance").asInt());
    }
  }

  /**
   * Whether the default ontology's extractor finds a position above the confirmation threshold in
   * the file: an article that states none may leave the state as it is.
   */
  static boolean statesAConfirmedPosition(Path file) throws IOException {
    PositionExtractor extractor = new PositionExtractor(Ontology.loadDefault());
    CleanArticle text = ArticleFiles.read(file);
    return extractor.extract(text.headline(), text.body()).stream()
        .anyMatch(p -> extractor.ontology().confirms(p.confidence()));
  }

  private static Set<String> updatersOf(List<JsonNode> events) {
    Set<String> updaters = new LinkedHashSet<>();
    events.forEach(e -> updaters.add(e.path("causedBy").path("articleId").asText()));
    return updaters;
  }

  private static JsonNode lastEventFor(List<JsonNode> events, String key) {
    List<JsonNode> forKey = new ArrayList<>();
    events.stream().filter(e -> e.path("key").asText().equals(key)).forEach(forKey::add);
    assertFalse(forKey.isEmpty(), "an SSE event for " + key);
    return forKey.get(forKey.size() - 1);
  }

  private static int stanceOf(JsonNode state, String actor, String issue) {
    for (JsonNode p : state.path("positions")) {
      if (p.path("actor").asText().equals(actor) && p.path("issue").asText().equals(issue)) {
        return p.path("stance").asInt();
      }
    }
    return fail("No " + actor + "/" + issue + " position in " + state);
  }

  static String get(URI uri) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), uri + " answered " + response.body());
    return response.body();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("SSE data is not JSON: " + json, e);
    }
  }
}
