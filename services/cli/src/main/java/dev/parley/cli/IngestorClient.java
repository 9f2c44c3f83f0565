package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sends article files to an ingestor over its HTTP API, choosing the content type by file name. */
public final class IngestorClient {

  /** Where the CLI's commands read the feed key from when not given {@code --feed-key}. */
  public static final String FEED_KEY = "PARLEY_FEED_KEY";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI ingestor;
  private final String feedKey;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param feedKey the key sent as {@code Authorization: Bearer}; null sends none, and the ingestor
   *     answers 401
   */
  public IngestorClient(URI ingestor, String feedKey) {
    this.ingestor = ingestor;
    this.feedKey = feedKey;
  }

  /**
   * Pushes one file and returns the ids of the articles it held. For text and HTML files without a
   * source, the source is the file's name, so that each sample counts as its own outlet.
   */
  public List<String> push(Path file, String source) throws IOException, InterruptedException {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    String contentType;
    String path = "/articles";
    if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
      contentType = "application/x-ndjson";
      path = "/articles/batch";
    } else if (lower.endsWith(".json")) {
      contentType = "application/json";
    } else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      contentType = "text/html";
    } else {
      contentType = "text/plain; charset=utf-8";
    }
    String query =
        "?source=" + URLEncoder.encode(source != null ? source : stem, StandardCharsets.UTF_8);
    return send(path + query, contentType, HttpRequest.BodyPublishers.ofFile(file), name);
  }

  /** Pushes one article given as the ingestor's JSON fields and returns its id. */
  public String push(Map<String, Object> article) throws IOException, InterruptedException {
    String what = "Article '" + article.get("headline") + "'";
    return send(
            "/articles",
            "application/json",
            HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(article)),
            what)
        .get(0);
  }

  /**
   * Pushes articles given as the ingestor's JSON fields as one NDJSON batch and returns their ids.
   */
  public List<String> pushBatch(List<Map<String, Object>> articles)
      throws IOException, InterruptedException {
    NdjsonBody ndjson = new NdjsonBody();
    for (Map<String, Object> article : articles) {
      JSON.writeValue(ndjson, article);
      ndjson.write('\n');
    }
    return send(
        "/articles/batch",
        "application/x-ndjson",
        ndjson.publisher(),
        "A batch of " + articles.size() + " articles");
  }

  /**
   * A batch written straight to UTF-8 and sent from its own buffer, not built as a string, copied
   * and encoded again: a batch of 500 articles is megabytes, held until the ingestor answers, and
   * the throughput benchmark runs eight of them in the JVM of the stack it measures.
   */
  private static final class NdjsonBody extends ByteArrayOutputStream {

    NdjsonBody() {
      super(1 << 20);
    }

    HttpRequest.BodyPublisher publisher() {
      return HttpRequest.BodyPublishers.ofByteArray(buf, 0, count);
    }
  }

  private List<String> send(
      String pathAndQuery, String contentType, HttpRequest.BodyPublisher body, String what)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(ingestor.resolve(pathAndQuery))
            .header("Content-Type", contentType)
            .POST(body);
    if (feedKey != null) {
      request.header("Authorization", "Bearer " + feedKey);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException(
          "No ingestor answers at "
              + ingestor
              + ". Start Parley with `./parley up`, or pass --ingestor URL.",
          e);
    }
    JsonNode answer = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    if (response.statusCode() != 202) {
      throw new IOException(
          what
              + " was refused (HTTP "
              + response.statusCode()
              + "): "
              + answer.path("error").asText(response.body()));
    }
    List<String> ids = new ArrayList<>();
    answer.path("ids").forEach(id -> ids.add(id.asText()));
    return ids;
  }
}
