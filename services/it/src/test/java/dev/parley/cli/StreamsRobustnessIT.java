package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.local.LocalFeedKey;
import dev.parley.cli.local.LocalStack;
import dev.parley.cli.ops.TailCommand;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.Topics;
import dev.parley.ingestor.IngestorService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 on a real broker: a record no app can read goes to the dead letters and the pipeline
 * goes on; the poison articles of the issue pass without stopping an app; SSE is served to any
 * client, up to a maximum, and a stop with a subscriber connected ends quickly and quietly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamsRobustnessIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATES_A_POSITION =
      "The Kremlin said Ukraine must withdraw its troops from the Donbas region.";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path data;
  @TempDir static Path secondState;

  private static LocalStack stack;
  private static ParleyService capped;

  @BeforeAll
  static void up() throws Exception {
    stack = TestStacks.start(data);
    capped =
        ExtraAggregator.start(stack, secondState, Map.of(ServiceConfig.SSE_MAX_SUBSCRIBERS, "2"));
  }

  @AfterAll
  static void down() {
    if (capped != null) {
      capped.close();
    }
    stack.close();
  }

  @Test
  @Order(1)
  void aRecordNoAppCanReadGoesToTheDeadLettersAndThePipelineGoesOn() throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", stack.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ARTICLES.name(), "garbage", "not avro".getBytes(StandardCharsets.UTF_8)))
          .get(30, TimeUnit.SECONDS);
    }
    String id = push("Kremlin after the garbage", STATES_A_POSITION);
    await(
        Duration.ofSeconds(90),
        () -> stateMentions(stack.aggregator().httpAddress(), id),
        "the next article's change in the state");

    List<JsonNode> letters = tail(Topics.DEAD_LETTERS.name(), "--key", "garbage");
    assertEquals(1, letters.size(), letters.toString());
    JsonNode why = letters.get(0).path("deadLetter");
    assertEquals("parley-extractor", why.path("app").asText());
    assertEquals("deserialization", why.path("stage").asText());
    assertEquals(Topics.ARTICLES.name(), why.path("topic").asText());
    assertTrue(why.path("reason").asText().contains("wire-format"), why.toString());
    assertTrue(stack.extractor().isReady() && stack.aggregator().isReady());
  }

  @Test
  @Order(2)
  void thePoisonArticlesOfTheIssuePassAndEveryAppKeepsRunning() throws Exception {
    StringBuilder html = new StringBuilder("<html><body>");
    for (int i = 0; i < 15_000; i++) {
      html.append("<p>")
          .append(i % 2 == 0 ? STATES_A_POSITION : "Russia rejects any ceasefire, officials said.")
          .append("</p>");
    }
    String flood =
        pushJson(
            Map.of(
                "headline",
                "Fifteen thousand positions",
                "html",
                html.append("</body></html>").toString(),
                "source",
                "poison",
                "url",
                "https://example.org/flood"));
    // a 600 KB headline no longer reaches Kafka: the ingestor refuses it and names its limit (the
    // Streams side's own bound on headlines is proven in ExtractorTopologyTest and
    // AggregatorTopologyTest)
    IOException refused =
        assertThrows(
            IOException.class,
            () ->
                pushJson(
                    Map.of(
                        "headline",
                        "Kremlin " + "z".repeat(600_000),
                        "body",
                        STATES_A_POSITION,
                        "source",
                        "poison",
                        "url",
                        "https://example.org/headline")));
    assertTrue(
        refused.getMessage().contains("HTTP 400")
            && refused.getMessage().contains("PARLEY_MAX_HEADLINE_CHARS"),
        "the headline is refused, naming the limit");
    String after =
        push("Kremlin after the poison", STATES_A_POSITION + " Ukraine rejects any ceasefire.");

    await(
        Duration.ofSeconds(300),
        () -> stateMentions(stack.aggregator().httpAddress(), after),
        "the article after the poison in the state");
    JsonNode floodPositions = tail(Topics.POSITIONS.name(), "--key", flood).get(0).path("value");
    assertEquals(200, floodPositions.path("positions").size());
    assertTrue(
        floodPositions.path("droppedPositions").asInt() > 5_000,
        floodPositions.path("droppedPositions").toString());
    assertTrue(
        tail(Topics.DEAD_LETTERS.name(), "--key", flood).isEmpty(),
        "bounded by design: nothing had to be dead-lettered");
    assertTrue(stack.extractor().isReady() && stack.aggregator().isReady());
  }

  @Test
  @Order(3)
  void anyClientThatAsksForEventsGetsThemWhateverItsAcceptHeader() throws Exception {
    HttpRequest plain =
        HttpRequest.newBuilder(stack.aggregator().httpAddress().resolve("/events")).build();
    HttpResponse<InputStream> response =
        HTTP.send(plain, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertEquals(200, response.statusCode());
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      assertTrue(
          events.readLine().startsWith(": subscribed at "),
          "the stream starts, as `curl -N .../events` shows it");
    }
  }

  @Test
  @Order(4)
  void beyondTheMaximumOfSubscribersTheAnswerIs503WithRetryAfter() throws Exception {
    List<HttpResponse<InputStream>> open = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        open.add(
            HTTP.send(
                HttpRequest.newBuilder(capped.httpAddress().resolve("/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream()));
        assertEquals(200, open.get(i).statusCode());
      }
      HttpResponse<String> third =
          HTTP.send(
              HttpRequest.newBuilder(capped.httpAddress().resolve("/events")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(503, third.statusCode());
      assertTrue(third.headers().firstValue("Retry-After").isPresent());
      assertTrue(third.body().contains(ServiceConfig.SSE_MAX_SUBSCRIBERS), third.body());
    } finally {
      for (HttpResponse<InputStream> response : open) {
        response.body().close();
      }
    }
  }

  @Test
  @Order(5)
  void stoppingWithASubscriberConnectedWhileChangesFlowEndsQuicklyAndLogsLittle() throws Exception {
    // the previous test's clients hold their slots until a keep-alive finds them gone (15 s)
    List<HttpResponse<InputStream>> connected = new ArrayList<>();
    await(
        Duration.ofSeconds(60),
        () -> subscribe(capped.httpAddress(), connected),
        "a free subscriber slot");
    EventCounter received = EventCounter.reading(connected.get(0).body());
    AtomicBoolean feeding = new AtomicBoolean(true);
    Thread feed = new Thread(() -> pushWhile(feeding), "changes-during-the-stop");
    feed.start();
    LoggedBytes logged = null;
    Duration stop;
    try {
      await(Duration.ofSeconds(120), () -> received.changes() > 0, "a change at the subscriber");
      logged = LoggedBytes.attach();
      Instant stopping = Instant.now();
      capped.close();
      stop = Duration.between(stopping, Instant.now());
      // a subscriber left running writes again at its next change or keep-alive (15 s): that is
      // when the storm began
      Thread.sleep(20_000);
    } finally {
      feeding.set(false);
      feed.join();
      if (logged != null) {
        logged.stop();
      }
    }
    capped = null;
    System.out.printf(
        "Stopping the aggregator with a subscriber connected and %d changes received took %d ms and logged %d characters%n",
        received.changes(), stop.toMillis(), logged.bytes());
    assertTrue(stop.compareTo(Duration.ofSeconds(40)) < 0, "the stop took " + stop);
    assertTrue(logged.bytes() < 64 * 1024, "the stop logged " + logged.bytes() + " characters");
    assertTrue(received.ended(), "the server ended the subscriber's stream");
  }

  @Test
  @Order(6)
  void aStoppingIngestorRefusesNewPushesWith503AndAnswersThePushInFlight() throws Exception {
    Map<String, String> settings = TestStacks.anotherInstance(stack, data.resolve("ingestor"));
    settings.put(ServiceConfig.FEED_KEYS_FILE, data.resolve(LocalFeedKey.HASHES_FILE).toString());
    ParleyService ingestor = IngestorService.start(ServiceConfig.of(settings));
    RawHttp raw = new RawHttp(ingestor.httpAddress(), stack.feedKey());
    Thread stopping = new Thread(ingestor::close, "ingestor-stop");
    List<Integer> statusesWhileStopping = new ArrayList<>();

    RawHttp.Response inFlight =
        raw.postPausingMidBody(
            "/articles?source=it",
            "text/plain; charset=utf-8",
            "Kremlin statement in flight\n"
                + STATES_A_POSITION
                + " Ukraine rejects any ceasefire, said an aide while the ingestor stopped.",
            () -> {
              // the ingestor has the request's head and waits for the rest of its body
              Thread.sleep(1_000);
              stopping.start();
              await(
                  Duration.ofSeconds(20),
                  () ->
                      statusesWhileStopping.add(newPushStatus(raw))
                          && statusesWhileStopping.contains(503),
                  "a new push refused with 503 while the ingestor stops");
              assertTrue(stopping.isAlive(), "the stop waits for the push in flight");
            });

    assertEquals(202, inFlight.status(), "the push in flight was answered: " + inFlight.body());
    stopping.join(60_000);
    assertFalse(stopping.isAlive(), "the ingestor stopped once the push in flight was answered");
    JsonNode answer = JSON.readTree(inFlight.body());
    String id =
        answer.hasNonNull("id") ? answer.get("id").asText() : answer.path("ids").path(0).asText();
    PipelineState pipeline =
        new PipelineState(stack.bootstrapServers(), stack.registry().httpAddress().toString());
    assertTrue(
        pipeline.records(Topics.ARTICLES.name()).stream()
            .anyMatch(r -> id.equals(new String(r.key(), StandardCharsets.UTF_8))),
        "the article of the push in flight, " + id + ", is on " + Topics.ARTICLES.name());
    assertThrows(
        IOException.class,
        () -> new Socket(ingestor.httpAddress().getHost(), ingestor.httpAddress().getPort()),
        "then the server is gone");
  }

  private static int newPushStatus(RawHttp raw) {
    try {
      return raw.post(
              "/articles?source=it",
              "text/plain; charset=utf-8",
              Map.of(),
              "Pushed while stopping\n" + STATES_A_POSITION)
          .status();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Pushes an article that states a position every 200 ms while {@code feeding} holds. */
  private static void pushWhile(AtomicBoolean feeding) {
    for (int i = 0; feeding.get(); i++) {
      try {
        push(
            "Kremlin statement " + i,
            STATES_A_POSITION + " Ukraine rejects any ceasefire, official " + i + " said.");
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // the ingestor is busy; the next push will do
      }
    }
  }

  /** Reads a subscriber's stream on a thread of its own, counting change events, to its end. */
  private static final class EventCounter {

    private final AtomicLong changes = new AtomicLong();
    private final CountDownLatch end = new CountDownLatch(1);

    static EventCounter reading(InputStream stream) {
      EventCounter counter = new EventCounter();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                  for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("event: change")) {
                      counter.changes.incrementAndGet();
                    }
                  }
                } catch (IOException e) {
                  // a reset connection ends the stream as well
                } finally {
                  counter.end.countDown();
                }
              },
              "subscriber");
      reader.setDaemon(true);
      reader.start();
      return counter;
    }

    long changes() {
      return changes.get();
    }

    boolean ended() throws InterruptedException {
      return end.await(30, TimeUnit.SECONDS);
    }
  }

  /** Subscribes as a browser's EventSource does. */
  private static boolean subscribe(URI aggregator, List<HttpResponse<InputStream>> connected) {
    try {
      HttpResponse<InputStream> response =
          HTTP.send(
              HttpRequest.newBuilder(aggregator.resolve("/events"))
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() == 200) {
        connected.add(response);
        return true;
      }
      response.body().close();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static String push(String headline, String body) throws Exception {
    return pushJson(
        Map.of(
            "headline",
            headline,
            "body",
            body,
            "source",
            "it",
            "url",
            "https://example.org/" + headline.hashCode()));
  }

  private static String pushJson(Map<String, Object> article) throws Exception {
    return stack.ingestorClient().push(article);
  }

  private static boolean stateMentions(URI aggregator, String articleId) {
    try {
      HttpResponse<String> state =
          HTTP.send(
              HttpRequest.newBuilder(aggregator.resolve("/state")).build(),
              HttpResponse.BodyHandlers.ofString());
      return state.body().contains(articleId);
    } catch (Exception e) {
      return false;
    }
  }

  private static List<JsonNode> tail(String topic, String... filter) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                topic,
                "--bootstrap-servers",
                stack.bootstrapServers(),
                "--schema-registry",
                stack.registry().httpAddress().toString()));
    args.addAll(List.of(filter));
    Cli.Result result = Cli.run(new TailCommand(), args.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.toString());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.out().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private static void await(Duration timeout, BooleanSupplier condition, String what)
      throws InterruptedException {
    ExtraAggregator.await(timeout, condition, what);
  }

  /** Counts the characters every logger writes (messages and stack traces) while it is attached. */
  private static final class LoggedBytes extends AbstractAppender {

    private final AtomicLong bytes = new AtomicLong();

    private LoggedBytes() {
      super("logged-bytes", null, null, true, Property.EMPTY_ARRAY);
    }

    static LoggedBytes attach() {
      LoggedBytes appender = new LoggedBytes();
      appender.start();
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      context.getConfiguration().getRootLogger().addAppender(appender, null, null);
      context.updateLoggers();
      return appender;
    }

    @Override
    public void append(LogEvent event) {
      long size = event.getMessage().getFormattedMessage().length();
      for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
        size += String.valueOf(t).length() + 100L * t.getStackTrace().length;
      }
      bytes.addAndGet(size);
    }

    long bytes() {
      return bytes.get();
    }

    @Override
    public boolean stop(long timeout, TimeUnit unit) {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      context.getConfiguration().getRootLogger().removeAppender(getName());
      context.updateLoggers();
      return super.stop(timeout, unit);
    }
  }
}
