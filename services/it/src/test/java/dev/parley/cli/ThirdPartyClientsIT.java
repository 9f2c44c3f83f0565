package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionState;
import dev.parley.cli.local.LocalStack;
import dev.parley.cli.ops.ParleyMessageFormatter;
import dev.parley.common.Topic;
import dev.parley.common.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other people's Kafka clients against the local default, each as a child process running the
 * example scripts under services/it/clients/ that docs/subscribing.md shows: each reads and decodes
 * every Parley topic, then produces one article straight to parley.articles, which must reach the
 * live state. Kafka's own console consumer decodes every topic through Parley's formatter. A client
 * that is not installed skips with the reason, except under PARLEY_REQUIRE_CLIENTS (set by .ci/run
 * after installing them).
 */
class ThirdPartyClientsIT {

  private static final Path CLIENTS = ParleyJar.ROOT.resolve("services/it/clients");
  private static final String NODE_CLIENTS =
      "node and services/it/clients/node/node_modules (cd services/it/clients/node && npm ci)";
  private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;

  private static LocalStack stack;

  @BeforeAll
  static void upWithEveryTopicWritten() throws Exception {
    stack = TestStacks.start(data);
    PipelineCheck.samplesBuildTheLiveState(
        stack.ingestorClient(), stack.aggregator().httpAddress());
    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(stack.ingestor().httpAddress().resolve("/articles"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + stack.feedKey())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"headline\": "))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(
        400, refused.statusCode(), "a refused input fills parley.rejected: " + refused.body());
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void confluentsNodeSchemaRegistryClientReadsEveryTopicAndPublishesAnArticle() throws Exception {
    requireInstalled(nodeClientsInstalled(), NODE_CLIENTS);
    readsEveryTopicAndPublishes(
        "node-confluent-1", List.of("node", "confluent.js"), CLIENTS.resolve("node"));
  }

  @Test
  void kafkajsSchemaRegistryClientReadsEveryTopicAndPublishesAnArticle() throws Exception {
    requireInstalled(nodeClientsInstalled(), NODE_CLIENTS);
    readsEveryTopicAndPublishes(
        "node-kafkajs-1", List.of("node", "kafkajs-registry.js"), CLIENTS.resolve("node"));
  }

  @Test
  void debiansPythonConfluentKafkaReadsEveryTopicAndPublishesAnArticle() throws Exception {
    requireInstalled(
        pythonClientInstalled(),
        SYSTEM_PYTHON
            + " with Debian's python3-confluent-kafka, python3-avro and python3-requests "
            + "(apt-get install python3-confluent-kafka python3-avro python3-requests)");
    readsEveryTopicAndPublishes(
        "python-1",
        List.of(SYSTEM_PYTHON.toString(), "parley_client.py"),
        CLIENTS.resolve("python"));
  }

  @Test
  void kafkasConsoleConsumerDecodesEveryTopicThroughParleysFormatter() throws Exception {
    List<String> lines =
        run(
            ParleyJar.mainClass(
                "org.apache.kafka.tools.consumer.ConsoleConsumer",
                "--bootstrap-server",
                stack.bootstrapServers(),
                "--include",
                "parley\\..*",
                "--from-beginning",
                "--isolation-level",
                "read_committed",
                "--timeout-ms",
                "10000",
                "--formatter",
                ParleyMessageFormatter.class.getName(),
                "--formatter-property",
                ParleyMessageFormatter.REGISTRY_URL + "=" + stack.registry().httpAddress()),
            ParleyJar.ROOT);
    Map<String, Integer> decoded = new TreeMap<>();
    for (String line : lines) {
      String[] columns = line.split("\t", 3);
      if (columns.length == 3) {
        JsonNode value = JSON.readTree(columns[2]);
        assertTrue(
            value.isObject() || value.isNull(), columns[0] + " value decoded to JSON: " + line);
        decoded.merge(columns[0], 1, Integer::sum);
      }
    }
    for (Topic<?> topic : Topics.ALL) {
      assertTrue(
          decoded.getOrDefault(topic.name(), 0) > 0,
          "the console consumer decoded records of " + topic.name() + ": " + decoded);
    }
  }

  @Test
  void javaKafkaStreamsTableOfThePositionStateSeesEveryPosition() throws Exception {
    Map<String, PositionState> table = new ConcurrentHashMap<>();
    int positions =
        JSON.readTree(PipelineCheck.get(stack.aggregator().httpAddress().resolve("/state")))
            .path("positions")
            .size();
    assertTrue(positions > 0, "the samples made positions");
    try (var streams =
        JavaSubscribers.positionStateTable(
            stack.bootstrapServers(),
            stack.registry().httpAddress().toString(),
            data.resolve("java-streams").toString(),
            (key, state) -> table.put(key, state))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (table.size() < positions) {
        assertTrue(
            System.nanoTime() < deadline,
            "the Streams table holds every position of /state within 90 s: " + table.keySet());
        Thread.sleep(200);
      }
    }
    table.forEach(
        (key, state) ->
            assertEquals(
                key, state.getNegotiation() + "/" + state.getActor() + "/" + state.getIssue()));
  }

  @Test
  void javaPlainConsumerReadsThePositionChanges() {
    List<PositionChange> changes = new CopyOnWriteArrayList<>();
    JavaSubscribers.readChanges(
        stack.bootstrapServers(),
        stack.registry().httpAddress().toString(),
        Duration.ofSeconds(15),
        (key, change) -> changes.add(change));
    assertFalse(changes.isEmpty(), "the consumer read changes");
    assertTrue(
        changes.stream().allMatch(c -> c.getCausedBy() != null), "every change names its cause");
  }

  private static void readsEveryTopicAndPublishes(
      String articleId, List<String> client, Path folder) throws Exception {
    List<String> command = new ArrayList<>(client);
    command.addAll(
        List.of(stack.bootstrapServers(), stack.registry().httpAddress().toString(), articleId));
    List<String> output = run(command, folder);
    JsonNode counts = JSON.readTree(output.get(output.size() - 1));
    for (Topic<?> topic : Topics.ALL) {
      assertTrue(
          counts.path(topic.name()).asInt() > 0,
          String.join(" ", client) + " decoded records of " + topic.name() + ": " + counts);
    }
    awaitInState(articleId);
  }

  private static void awaitInState(String articleId) throws Exception {
    URI state = stack.aggregator().httpAddress().resolve("/state");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!PipelineCheck.get(state).contains("\"" + articleId + "\"")) {
      if (System.nanoTime() > deadline) {
        fail(
            "Article "
                + articleId
                + ", produced straight to parley.articles, is not evidence in "
                + state
                + " after 90 s");
      }
      Thread.sleep(200);
    }
  }

  /** Runs a client to its end, its output echoed to the build log; fails on a non-zero exit. */
  private static List<String> run(List<String> command, Path folder) throws Exception {
    Path log = Files.createTempFile(data, "client", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = process.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    System.out.println("$ " + String.join(" ", command));
    lines
        .subList(Math.max(0, lines.size() - 40), lines.size())
        .forEach(
            line ->
                System.out.println(line.length() > 300 ? line.substring(0, 300) + " ..." : line));
    assertTrue(finished, String.join(" ", command) + " finished within 180 s");
    assertEquals(
        0, process.exitValue(), String.join(" ", command) + " failed; its output is above");
    return lines;
  }

  private static boolean nodeClientsInstalled() {
    return onPath("node")
        && Files.isDirectory(CLIENTS.resolve("node/node_modules/@confluentinc/schemaregistry"))
        && Files.isDirectory(
            CLIENTS.resolve("node/node_modules/@kafkajs/confluent-schema-registry"));
  }

  private static boolean pythonClientInstalled() throws Exception {
    if (!Files.isExecutable(SYSTEM_PYTHON)) {
      return false;
    }
    Process probe =
        new ProcessBuilder(
                SYSTEM_PYTHON.toString(), "-c", "import confluent_kafka.avro, avro, requests")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
  }

  /**
   * Skips with the reason in the build log; CI sets PARLEY_REQUIRE_CLIENTS so that it never skips
   * there.
   */
  private static void requireInstalled(boolean installed, String what) {
    String reason = "ThirdPartyClientsIT needs " + what + "; .ci/run installs them.";
    if (!installed && System.getenv("PARLEY_REQUIRE_CLIENTS") != null) {
      fail(reason + " PARLEY_REQUIRE_CLIENTS is set, so this does not skip.");
    }
    if (!installed) {
      System.err.println("SKIPPED " + reason);
    }
    assumeTrue(installed, reason);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && List.of(path.split(":")).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
