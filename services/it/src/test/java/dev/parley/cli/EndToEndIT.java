package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.local.LocalStack;
import dev.parley.common.ServiceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local default, as `parley up` runs it: a real KRaft broker, the registry and the three
 * services.
 */
class EndToEndIT {

  @TempDir static Path data;

  private static LocalStack stack;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void up() throws Exception {
    stack = TestStacks.start(data);
  }

  @AfterAll
  static void down() {
    stack.close();
  }

  @Test
  void sampleArticlesPushedOverHttpBuildTheLiveState() throws Exception {
    PipelineCheck.samplesBuildTheLiveState(
        stack.ingestorClient(), stack.aggregator().httpAddress());
  }

  @Test
  void ingestorAnswersBadInputWithAnErrorThatNamesTheProblem() throws Exception {
    HttpResponse<String> badJson = post("application/json", "{\"headline\": \"Talks\", \"body\": ");
    assertEquals(400, badJson.statusCode());
    assertTrue(badJson.body().contains("not valid JSON"), badJson.body());

    HttpResponse<String> noHeadline = post("application/json", "{\"body\": \"text\"}");
    assertEquals(400, noHeadline.statusCode());
    assertTrue(noHeadline.body().contains("headline"), noHeadline.body());

    HttpResponse<String> scriptLink =
        post(
            "application/json",
            "{\"headline\": \"Talks\", \"body\": \"Text.\", \"url\": \"javascript:alert(document.cookie)\"}");
    assertEquals(400, scriptLink.statusCode());
    assertTrue(scriptLink.body().contains("not a web address"), scriptLink.body());

    HttpResponse<String> fromTheFuture =
        post(
            "application/json",
            "{\"headline\": \"Talks\", \"body\": \"Text.\", \"publishedAt\": \""
                + java.time.Instant.now().plusSeconds(86_400)
                + "\"}");
    assertEquals(400, fromTheFuture.statusCode());
    assertTrue(fromTheFuture.body().contains("time-zone offset"), fromTheFuture.body());

    HttpResponse<String> pdf = post("application/pdf", "%PDF-1.7");
    assertEquals(415, pdf.statusCode());
    assertTrue(pdf.body().contains("text/plain"), pdf.body());

    // the client sends all of each before it reads the answer: the refusal must still reach it
    for (int words : List.of(300_000, 700_000)) {
      HttpResponse<String> huge = post("text/plain", "Headline\n" + "word ".repeat(words));
      assertEquals(413, huge.statusCode());
      assertTrue(huge.body().contains(ServiceConfig.MAX_ARTICLE_BYTES), huge.body());
    }
  }

  @Test
  void theSameArticlePushedTwiceKeepsOneId() throws Exception {
    String article =
        "{\"headline\":\"Kremlin rejects plan\",\"body\":\"The Kremlin rejected the plan on Monday.\","
            + "\"url\":\"https://example.org/kremlin-rejects\",\"source\":\"example\"}";
    HttpResponse<String> first = post("application/json", article);
    HttpResponse<String> second = post("application/json", article);
    assertEquals(202, first.statusCode(), first.body());
    assertEquals(first.body(), second.body());
  }

  @Test
  void everyServiceReportsHealthReadinessAndMetrics() throws Exception {
    for (URI service :
        List.of(
            stack.registry().httpAddress(),
            stack.ingestor().httpAddress(),
            stack.extractor().httpAddress(),
            stack.aggregator().httpAddress())) {
      assertTrue(PipelineCheck.get(service.resolve("/health")).contains("UP"));
      assertTrue(PipelineCheck.get(service.resolve("/ready")).contains("\"ready\":true"));
      assertTrue(PipelineCheck.get(service.resolve("/metrics")).contains("jvm_memory_used_bytes"));
    }
    assertTrue(
        PipelineCheck.get(stack.extractor().httpAddress().resolve("/metrics"))
            .contains("kafka_stream"),
        "the extractor exports its Kafka Streams metrics");
  }

  private HttpResponse<String> post(String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(stack.ingestor().httpAddress().resolve("/articles"))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + stack.feedKey())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
