package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.Article;
import dev.parley.avro.RejectedInput;
import dev.parley.cli.local.LocalFeedKey;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of every kind Parley was probed with, through real HTTP into a real broker: each case
 * gets a 4xx that names the problem or a 202 with the input handled, every refusal is kept in
 * parley.rejected, no service stops, and a good article is still accepted afterwards.
 */
class BadInputCorpusIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NBSP = "\u00A0";
  private static final int MAX_BATCH_BYTES = 2_000_000;

  @TempDir static Path data;

  private static LocalStack stack;
  private static RawHttp http;

  @BeforeAll
  static void up() throws Exception {
    stack =
        TestStacks.start(
            data,
            // the HTML time limit is raised so that the depth limit and the big page are tested on
            // a loaded machine too; HtmlLimitsTest covers the time limit
            Map.of(
                ServiceConfig.MAX_BATCH_BYTES,
                String.valueOf(MAX_BATCH_BYTES),
                ServiceConfig.HTML_TIME_LIMIT_MS,
                "60000"));
    http = new RawHttp(stack.ingestor().httpAddress(), stack.feedKey());
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @Test
  void everyBadInputIsAnsweredAndKeptAndNothingStops() throws Exception {
    List<Case> corpus = corpus();
    assertTrue(corpus.size() >= 60, "the corpus has " + corpus.size() + " kinds");
    Map<Integer, Integer> refusedByStatus = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (Case c : corpus) {
      RawHttp.Response response = c.send().call();
      String verdict = c.expected().check(response);
      System.out.printf("%-58s %d %s%n", c.name(), response.status(), abbreviate(response.body()));
      if (verdict != null) {
        wrong.add(
            c.name()
                + ": "
                + verdict
                + " (got "
                + response.status()
                + " "
                + abbreviate(response.body())
                + ")");
      }
      if (c.kept()) {
        refusedByStatus.merge(response.status(), 1, Integer::sum);
      }
    }
    assertTrue(wrong.isEmpty(), "cases answered wrongly:\n" + String.join("\n", wrong));

    for (ParleyService service :
        List.of(stack.registry(), stack.ingestor(), stack.extractor(), stack.aggregator())) {
      assertTrue(service.isReady(), service.name() + " still runs after the corpus");
    }
    RawHttp.Response good =
        postJson(
            json(
                Map.of(
                    "headline",
                    "Talks resume",
                    "body",
                    "Ukraine will never cede territory, Zelensky said.",
                    "url",
                    "https://example.org/after-the-corpus")));
    assertEquals(202, good.status(), good.body());

    Map<Integer, Integer> keptByStatus = new TreeMap<>();
    for (RejectedInput rejected : rejected()) {
      keptByStatus.merge(rejected.getStatus(), 1, Integer::sum);
      assertFalse(
          rejected.getPayload().contains("s3cret") || rejected.getReason().contains("s3cret"),
          "credentials are never kept");
    }
    refusedByStatus.forEach(
        (status, count) ->
            assertTrue(
                keptByStatus.getOrDefault(status, 0) >= count,
                "parley.rejected keeps every "
                    + status
                    + ": "
                    + keptByStatus
                    + " for "
                    + refusedByStatus));
  }

  /** A batch's articles are built on every core, and still answered and published in order. */
  @Test
  void aBatchAnswersTheIdsOfItsArticlesInItsOrder() throws Exception {
    int size = 200;
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < size; i++) {
      ndjson
          .append(
              json(
                  Map.of(
                      "headline",
                      "Batch article " + i,
                      "body",
                      "Negotiators met again on day " + i + " of the talks.",
                      "url",
                      "https://news.example.org/batch-order/" + i)))
          .append('\n');
    }
    RawHttp.Response answer = postBatch(ndjson.toString());
    assertEquals(202, answer.status(), answer.body());
    List<String> ids = new ArrayList<>();
    JSON.readTree(answer.body()).path("ids").forEach(id -> ids.add(id.asText()));
    assertEquals(size, ids.size(), answer.body());

    var serde =
        Topics.ARTICLES.valueSerde(
            SchemaRegistryClients.forUrl(stack.registry().httpAddress().toString()));
    Map<String, String> headlines = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record :
        PipelineState.of(stack).records(Topics.ARTICLES.name())) {
      Article article = serde.deserialize(Topics.ARTICLES.name(), record.value());
      if (article.getHeadline().startsWith("Batch article ")) {
        headlines.put(article.getId(), article.getHeadline());
      }
    }
    for (int i = 0; i < size; i++) {
      assertEquals("Batch article " + i, headlines.get(ids.get(i)), "line " + (i + 1));
    }
  }

  @Test
  void acceptedBadValuesAreStoredHandled() throws Exception {
    RawHttp.Response credentials =
        postJson(
            json(
                Map.of(
                    "headline",
                    "Credentials in the link",
                    "body",
                    "Text of the article.",
                    "url",
                    "https://editor:s3cret@news.example.org/creds")));
    RawHttp.Response escaped =
        postJson(
            json(
                Map.of(
                    "headline",
                    "Talks &lt;script&gt;alert(1)&lt;/script&gt; " + NBSP + "\u200B resume",
                    "body",
                    "Text.")));
    assertEquals(202, credentials.status(), credentials.body());
    assertEquals(202, escaped.status(), escaped.body());

    Article withoutCredentials = article(JSON.readTree(credentials.body()).path("id").asText());
    assertEquals("https://news.example.org/creds", withoutCredentials.getUrl());
    assertEquals("news.example.org", withoutCredentials.getSource());
    assertEquals(LocalFeedKey.FEED, withoutCredentials.getFeed(), "the feed is named by its key");
    assertTrue(withoutCredentials.getPublishedAtEstimated(), "no publishedAt was given");
    assertEquals(
        "Talks <script>alert(1)</script> resume",
        article(JSON.readTree(escaped.body()).path("id").asText()).getHeadline(),
        "entities are decoded once into text, spacing normalised, invisible characters dropped");
  }

  private static List<Case> corpus() {
    String article =
        json(Map.of("headline", "Talks", "body", "Ukraine will never cede territory."));
    List<Case> cases = new ArrayList<>();
    // keys and browsers
    cases.add(
        refused(
            "no feed key",
            401,
            "feed key",
            () -> http.withKey(null).post("/articles", "application/json", Map.of(), article)));
    cases.add(
        refused(
            "unknown feed key",
            401,
            "not known",
            () ->
                http.withKey("not-a-key")
                    .post("/articles", "application/json", Map.of(), article)));
    cases.add(
        refused(
            "Basic instead of Bearer",
            401,
            "Bearer",
            () ->
                http.post(
                    "/articles",
                    "application/json",
                    Map.of("Authorization", "Basic dXNlcjpwYXNz"),
                    article)));
    cases.add(
        crossSite(
            "cross-site text/plain form post",
            "text/plain",
            Map.of("Origin", "https://evil.example"),
            "Talks\nText."));
    cases.add(
        crossSite(
            "cross-site urlencoded form post",
            "application/x-www-form-urlencoded",
            Map.of(),
            "headline=Talks&body=Text"));
    cases.add(
        crossSite(
            "cross-site multipart form post",
            "multipart/form-data; boundary=x",
            Map.of(),
            "--x\r\n\r\nTalks\r\n--x--"));
    cases.add(
        refused(
            "foreign Host header (DNS rebinding)",
            403,
            "PARLEY_ALLOWED_HOSTS",
            () ->
                http.post(
                    "/articles", "application/json", Map.of("Host", "evil.example"), article)));
    cases.add(
        new Case(
            "foreign Host on the aggregator's state",
            false,
            Expect.status(403, "PARLEY_ALLOWED_HOSTS"),
            () ->
                new RawHttp(stack.aggregator().httpAddress(), null)
                    .get("/state", Map.of("Host", "rebound.example:8090"))));
    cases.add(
        accepted(
            "Host localhost with another port",
            () ->
                http.post(
                    "/articles",
                    "application/json",
                    Map.of("Host", "localhost:1"),
                    json(Map.of("headline", "Port", "body", "Text about a port.")))));
    // content types and encodings
    cases.add(refused("PDF", 415, "text/plain", () -> post("application/pdf", "%PDF-1.7")));
    cases.add(
        refused(
            "no Content-Type",
            415,
            "Content-Type",
            () -> http.post("/articles", null, Map.of(), article)));
    cases.add(
        refused(
            "unknown charset", 415, "Charset", () -> post("text/plain; charset=klingon", "T\nx")));
    cases.add(
        refused(
            "Latin-1 bytes declared UTF-8",
            400,
            "not valid UTF-8",
            () ->
                post(
                    "text/plain; charset=utf-8",
                    "Caf\u00e9 talks\nText.".getBytes(StandardCharsets.ISO_8859_1))));
    cases.add(
        accepted(
            "Latin-1 declared Latin-1",
            () ->
                post(
                    "text/plain; charset=iso-8859-1",
                    "Caf\u00e9 talks\nUkraine will never cede territory."
                        .getBytes(StandardCharsets.ISO_8859_1))));
    cases.add(
        accepted(
            "UTF-8 byte order mark",
            () -> post("text/plain; charset=utf-8", "\uFEFFBOM talks\nText of it.")));
    // sizes and framing
    cases.add(refused("empty body", 400, "empty", () -> postJson("")));
    cases.add(refused("whitespace body", 400, "empty", () -> postJson(" \n\t ")));
    cases.add(
        refused(
            "body of exactly 1 MiB",
            413,
            ServiceConfig.MAX_ARTICLE_BYTES,
            () -> post("text/plain", "Big\n" + "x".repeat(1024 * 1024 - 4))));
    cases.add(
        refused(
            "body of 3 MB",
            413,
            ServiceConfig.MAX_ARTICLE_BYTES,
            () -> post("text/plain", "Big\n" + "word ".repeat(600_000))));
    cases.add(
        refused(
            "chunked upload over the limit",
            413,
            ServiceConfig.MAX_ARTICLE_BYTES,
            () -> http.chunked("/articles", "text/plain", "Big\n" + "word ".repeat(300_000))));
    cases.add(
        accepted(
            "chunked upload of a good article",
            () ->
                http.chunked(
                    "/articles",
                    "application/json",
                    json(Map.of("headline", "Chunked", "body", "A chunked article.")))));
    cases.add(
        refused(
            "body shorter than its Content-Length",
            400,
            "Content-Length",
            () -> http.truncated("/articles", "application/json", article, 10_000)));
    cases.add(
        refused(
            "batch over the batch limit",
            413,
            ServiceConfig.MAX_BATCH_BYTES,
            () -> postBatch((article + "\n").repeat(MAX_BATCH_BYTES / article.length() + 10))));
    cases.add(
        refused(
            "600 KB headline",
            400,
            "PARLEY_MAX_HEADLINE_CHARS",
            () -> postJson(json(Map.of("headline", "h".repeat(600_000), "body", "Text.")))));
    cases.add(
        refused(
            "headline one character over the limit",
            400,
            "1000 allowed",
            () -> postJson(json(Map.of("headline", "h".repeat(1001), "body", "Text.")))));
    // JSON
    cases.add(refused("invalid JSON", 400, "not valid JSON", () -> postJson("{\"headline\": ")));
    cases.add(refused("JSON array", 400, "not a JSON object", () -> postJson("[" + article + "]")));
    cases.add(refused("JSON string", 400, "not a JSON object", () -> postJson("\"Talks\"")));
    cases.add(refused("JSON null", 400, "not a JSON object", () -> postJson("null")));
    cases.add(
        refused(
            "JSON nested 2,000 deep",
            400,
            "nesting depth",
            () -> postJson("{\"a\":".repeat(2000) + "1" + "}".repeat(2000))));
    cases.add(
        refused(
            "two JSON objects in one body",
            400,
            "not valid JSON",
            () -> postJson(article + article)));
    cases.add(refused("no headline", 400, "headline", () -> postJson("{\"body\":\"text\"}")));
    cases.add(
        refused(
            "headline null",
            400,
            "headline",
            () -> postJson("{\"headline\":null,\"body\":\"text\"}")));
    cases.add(
        refused(
            "headline an object",
            400,
            "headline",
            () -> postJson("{\"headline\":{\"a\":1},\"body\":\"text\"}")));
    cases.add(
        accepted(
            "headline a number",
            () -> postJson("{\"headline\":2025,\"body\":\"A year in review.\"}")));
    cases.add(refused("no body", 400, "no text", () -> postJson("{\"headline\":\"Talks\"}")));
    cases.add(
        refused(
            "empty body field",
            400,
            "no text",
            () -> postJson("{\"headline\":\"Talks\",\"body\":\"\"}")));
    cases.add(
        accepted(
            "unknown fields",
            () ->
                postJson(
                    "{\"headline\":\"Extra\",\"body\":\"Text with extras.\",\"mood\":\"grim\",\"tags\":[1,2]}")));
    cases.add(
        accepted(
            "duplicate keys, the last wins",
            () ->
                postJson("{\"headline\":\"One\",\"headline\":\"Two\",\"body\":\"Text twice.\"}")));
    // headlines
    cases.add(
        refused(
            "headline of only NBSP",
            400,
            "no visible text",
            () -> postJson(json(Map.of("headline", NBSP.repeat(5), "body", "Text.")))));
    cases.add(
        refused(
            "headline of only zero-width characters",
            400,
            "no visible text",
            () -> postJson(json(Map.of("headline", "\u200B\u2060\uFEFF", "body", "Text.")))));
    cases.add(
        refused(
            "headline of only tags",
            400,
            "no visible text",
            () ->
                postJson(
                    json(Map.of("headline", "<b></b><script>x()</script>", "body", "Text.")))));
    cases.add(
        accepted(
            "headline with control characters",
            () ->
                postJson(
                    json(
                        Map.of(
                            "headline", "Talks\u0000\u0007 resume\nin Geneva", "body", "Text.")))));
    cases.add(
        accepted(
            "headline with emoji and right-to-left text",
            () ->
                postJson(
                    json(
                        Map.of(
                            "headline",
                            "\uD83D\uDD4A\uFE0F \u0645\u0641\u0627\u0648\u0636\u0627\u062A talks",
                            "body",
                            "Text.")))));
    cases.add(
        accepted(
            "escaped script in the headline",
            () ->
                postJson(
                    json(
                        Map.of(
                            "headline",
                            "&lt;script&gt;alert(1)&lt;/script&gt;",
                            "body",
                            "Text.")))));
    cases.add(
        refused(
            "one-line text/plain",
            400,
            "single line",
            () -> post("text/plain", "Only a headline")));
    // bodies and HTML
    cases.add(
        refused(
            "body of only boilerplate",
            400,
            "no text left",
            () -> post("text/plain", "Talks\nShare this article\nAdvertisement")));
    cases.add(
        refused(
            "HTML of only a script",
            400,
            "no text left",
            () ->
                postJson(
                    json(
                        Map.of(
                            "headline",
                            "Talks",
                            "html",
                            "<script>alert(1)</script><style>p{}</style>")))));
    cases.add(
        refused(
            "5,000 nested divs (60 KB)",
            400,
            "PARLEY_MAX_HTML_DEPTH",
            () ->
                postJson(
                    json(
                        Map.of(
                            "headline",
                            "Deep",
                            "html",
                            "<div>".repeat(5000) + "text" + "</div>".repeat(5000))))));
    cases.add(
        refused(
            "100,000 unclosed divs",
            400,
            "PARLEY_MAX_HTML_DEPTH",
            () -> post("text/html", "<title>Deep</title>" + "<div>".repeat(100_000) + "text")));
    cases.add(
        refused(
            "100,000 nested spans in a page",
            400,
            "PARLEY_MAX_HTML_DEPTH",
            () ->
                post(
                    "text/html",
                    "<h1>Deep</h1><article>" + "<span>".repeat(100_000) + "text</article>")));
    cases.add(
        accepted(
            "150 nested divs",
            () ->
                postJson(
                    json(
                        Map.of(
                            "headline",
                            "Nested",
                            "html",
                            "<div>".repeat(150)
                                + "<p>Ukraine will never cede territory.</p>"
                                + "</div>".repeat(150))))));
    cases.add(
        refused(
            "HTML page without h1 or title",
            400,
            "<h1>",
            () -> post("text/html", "<html><body><p>Text.</p></body></html>")));
    cases.add(
        accepted(
            "HTML with entities and comments",
            () ->
                post(
                    "text/html",
                    "<title>Talks &amp; tensions</title><!-- x --><p>Caf&eacute; talks &#x263A; &unknown; continue.</p>")));
    cases.add(
        accepted(
            "HTML unclosed and misnested",
            () ->
                post(
                    "text/html",
                    "<h1>Misnested<p><b><i>Ukraine will</b> never cede</i> territory.<table><td>cell")));
    // URLs
    cases.add(
        refused(
            "javascript: URL",
            400,
            "not a web address",
            () -> articleWith("url", "javascript:alert(document.cookie)")));
    cases.add(
        refused(
            "data: URL",
            400,
            "not a web address",
            () -> articleWith("url", "data:text/html,<script>alert(1)</script>")));
    cases.add(
        refused(
            "relative URL", 400, "not a web address", () -> articleWith("url", "/world/talks")));
    cases.add(
        refused(
            "ftp URL",
            400,
            "not a web address",
            () -> articleWith("url", "ftp://files.example.org/a")));
    cases.add(
        refused(
            "URL with a space",
            400,
            "not a web address",
            () -> articleWith("url", "https://news.example.org/a b")));
    cases.add(
        refused(
            "3,000-character URL",
            400,
            "url has",
            () -> articleWith("url", "https://news.example.org/" + "a".repeat(3000))));
    cases.add(
        refused(
            "bad URL with credentials",
            400,
            "***@",
            () -> articleWith("url", "ftp://editor:s3cret@files.example.org/a")));
    cases.add(
        accepted(
            "URL with user:pass@",
            () -> articleWith("url", "https://editor:s3cret@news.example.org/b")));
    // times
    cases.add(
        refused(
            "publishedAt in 1969",
            400,
            "before 1970",
            () -> articleWith("publishedAt", "1969-07-20T20:17:00Z")));
    cases.add(
        refused(
            "publishedAt in year 0001",
            400,
            "before 1970",
            () -> articleWith("publishedAt", "0001-01-01T00:00:00Z")));
    cases.add(
        refused(
            "publishedAt tomorrow",
            400,
            "more than an hour",
            () -> articleWith("publishedAt", Instant.now().plusSeconds(86_400).toString())));
    cases.add(
        refused(
            "publishedAt in words",
            400,
            "not a time",
            () -> articleWith("publishedAt", "yesterday")));
    cases.add(
        refused(
            "publishedAt of 20 digits",
            400,
            "not a time",
            () -> articleWith("publishedAt", "99999999999999999999")));
    cases.add(
        refused(
            "publishedAt without offset",
            400,
            "not a time",
            () -> articleWith("publishedAt", "2025-12-02T10:00:00")));
    cases.add(
        refused(
            "bad publishedAt in the query",
            400,
            "not a time",
            () -> http.post("/articles?publishedAt=soon", "text/plain", Map.of(), "Talks\nText.")));
    // other fields
    cases.add(
        refused(
            "language not a code",
            400,
            "language",
            () -> articleWith("language", "english, mostly")));
    cases.add(
        refused(
            "500-character source",
            400,
            "source has",
            () -> articleWith("source", "s".repeat(500))));
    // batches
    cases.add(
        refused(
            "batch with bad JSON on line 2",
            400,
            "Line 2",
            () -> postBatch(article + "\n{oops\n" + article)));
    cases.add(
        refused(
            "batch with a bad URL on line 3",
            400,
            "Line 3",
            () ->
                postBatch(
                    article
                        + "\n"
                        + article
                        + "\n"
                        + json(Map.of("headline", "T", "body", "x", "url", "javascript:x()")))));
    cases.add(
        refused(
            "batch with a future date on line 2",
            400,
            "Line 2",
            () ->
                postBatch(
                    article
                        + "\n"
                        + json(
                            Map.of(
                                "headline",
                                "T",
                                "body",
                                "x",
                                "publishedAt",
                                "2999-01-01T00:00:00Z")))));
    cases.add(
        refused(
            "batch with no text left on line 1",
            400,
            "Line 1",
            () ->
                postBatch(
                    json(Map.of("headline", "T", "html", "<nav>menu</nav>")) + "\n" + article)));
    cases.add(refused("batch of blank lines", 400, "empty", () -> postBatch("\n\n\n")));
    cases.add(
        accepted(
            "batch with blank lines between articles",
            () ->
                postBatch(
                    "\n"
                        + json(Map.of("headline", "A", "body", "First."))
                        + "\n\n"
                        + json(Map.of("headline", "B", "body", "Second."))
                        + "\n")));
    cases.add(
        accepted(
            "batch route without a Content-Type",
            () ->
                http.post(
                    "/articles/batch",
                    null,
                    Map.of(),
                    json(Map.of("headline", "C", "body", "Third.")))));
    cases.add(
        accepted(
            "700 KB page of 15,000 paragraphs",
            () ->
                http.post(
                    "/articles?source=long",
                    "text/html",
                    Map.of(),
                    "<h1>Many paragraphs</h1>"
                        + "<p>The delegations met again on the morning of the third day.</p>"
                            .repeat(11_000))));
    // the protocol
    cases.add(
        new Case(
            "GET on the articles route",
            false,
            Expect.clientError(),
            () -> http.get("/articles", Map.of())));
    cases.add(
        new Case(
            "PUT on the articles route",
            false,
            Expect.clientError(),
            () ->
                http.send(
                    "PUT",
                    "/articles",
                    "application/json",
                    Map.of(),
                    article.getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "unknown path",
            false,
            Expect.clientError(),
            () -> http.post("/nothing-here", "application/json", Map.of(), article)));
    cases.add(
        accepted(
            "bad percent-encoding in the query",
            () ->
                http.post(
                    "/articles?source=%zz",
                    "text/plain", Map.of(), "Percent\nText with a strange source.")));
    cases.add(
        new Case(
            "a 64 KB header",
            false,
            Expect.clientError(),
            () ->
                http.post(
                    "/articles",
                    "application/json",
                    Map.of("X-Padding", "p".repeat(64 * 1024)),
                    article)));
    return cases;
  }

  private static Case refused(String name, int status, String named, Call call) {
    return new Case(name, true, Expect.status(status, named), call);
  }

  /** A browser's form post from another site, without a feed key: refused as cross-site. */
  private static Case crossSite(
      String name, String contentType, Map<String, String> headers, String body) {
    return refused(
        name,
        403,
        "cross-site",
        () -> http.withKey(null).post("/articles", contentType, headers, body));
  }

  private static Case accepted(String name, Call call) {
    return new Case(name, false, Expect.status(202, "\"ids\""), call);
  }

  private static RawHttp.Response post(String contentType, String body) throws Exception {
    return http.post("/articles", contentType, Map.of(), body);
  }

  private static RawHttp.Response post(String contentType, byte[] body) throws Exception {
    return http.post("/articles", contentType, Map.of(), body);
  }

  private static RawHttp.Response postBatch(String ndjson) throws Exception {
    return http.post("/articles/batch", "application/x-ndjson", Map.of(), ndjson);
  }

  private static RawHttp.Response postJson(String body) throws Exception {
    return post("application/json", body);
  }

  /** A JSON article, valid but for one field's value. */
  private static RawHttp.Response articleWith(String field, String value) throws Exception {
    return postJson(json(Map.of("headline", "Talks", "body", "Text.", field, value)));
  }

  private static String json(Map<String, String> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String text) {
    String line = text.replace('\n', ' ');
    return line.length() <= 140 ? line : line.substring(0, 140) + "...";
  }

  private static List<RejectedInput> rejected() {
    var serde =
        Topics.REJECTED.valueSerde(
            SchemaRegistryClients.forUrl(stack.registry().httpAddress().toString()));
    return PipelineState.of(stack).records(Topics.REJECTED.name()).stream()
        .map(r -> serde.deserialize(Topics.REJECTED.name(), r.value()))
        .toList();
  }

  private static Article article(String id) {
    var serde =
        Topics.ARTICLES.valueSerde(
            SchemaRegistryClients.forUrl(stack.registry().httpAddress().toString()));
    Article latest = null;
    for (ConsumerRecord<byte[], byte[]> record :
        PipelineState.of(stack).records(Topics.ARTICLES.name())) {
      if (id.equals(new String(record.key(), StandardCharsets.UTF_8))) {
        latest = serde.deserialize(Topics.ARTICLES.name(), record.value());
      }
    }
    assertTrue(latest != null, "article " + id + " is on " + Topics.ARTICLES.name());
    return latest;
  }

  @FunctionalInterface
  interface Call {
    RawHttp.Response call() throws Exception;
  }

  /** One kind of bad input; {@code kept} when parley.rejected must hold its refusal. */
  record Case(String name, boolean kept, Expect expected, Call send) {}

  /** What a case must be answered with: a status and a text the answer names, or any 4xx. */
  record Expect(int status, String named) {

    static Expect status(int status, String named) {
      return new Expect(status, named);
    }

    static Expect clientError() {
      return new Expect(0, "");
    }

    /** Null when the response is right, else what is wrong with it. */
    String check(RawHttp.Response response) {
      if (status == 0) {
        return response.status() >= 400 && response.status() < 500 ? null : "expected a 4xx";
      }
      if (response.status() != status) {
        return "expected " + status;
      }
      return response.body().contains(named) ? null : "the answer does not name '" + named + "'";
    }
  }
}
