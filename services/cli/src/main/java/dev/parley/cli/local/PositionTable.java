package dev.parley.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/** Prints the aggregator's state as a table, marking the rows that changed. */
final class PositionTable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] STANCES = {"rejects", "opposes", "-", "supports", "demands"};

  private final URI aggregator;
  private final HttpClient http = HttpClient.newHttpClient();

  PositionTable(URI aggregator) {
    this.aggregator = aggregator;
  }

  void print(PrintStream out, Set<String> changedKeys) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(aggregator.resolve("/state")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode positions = JSON.readTree(response.body()).path("positions");
    out.printf(
        "   %-15s %-20s %-9s %5s %8s %7s  %s%n",
        "actor", "issue", "stance", "conf", "articles", "sources", "latest evidence");
    for (JsonNode p : positions) {
      int stance = p.path("stance").asInt();
      String sentence = p.path("evidence").path(0).path("sentence").asText();
      out.printf(
          " %s %-15s %-20s %-9s %5.2f %8d %7d  %s%n",
          changedKeys.contains(p.path("key").asText()) ? "*" : " ",
          p.path("actor").asText(),
          p.path("issue").asText(),
          STANCES[Math.max(0, Math.min(4, stance + 2))],
          p.path("confidence").asDouble(),
          p.path("articleCount").asInt(),
          p.path("sourceCount").asInt(),
          sentence.length() > 70 ? sentence.substring(0, 67) + "..." : sentence);
    }
    if (positions.isEmpty()) {
      out.println("   (no positions yet)");
    }
  }
}
