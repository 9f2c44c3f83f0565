package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.Article;
import dev.parley.avro.PositionState;
import dev.parley.cli.local.LocalStack;
import dev.parley.cli.ops.Replay;
import dev.parley.cli.ops.ReplayCommand;
import dev.parley.cli.ops.TailCommand;
import dev.parley.cli.ops.TopicsCommand;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClients;
import dev.parley.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays on a real KRaft broker with the whole pipeline running: a replay of every article leaves
 * the state exactly as it was, and a replay stopped by a signal and resumed with the command it
 * printed delivers every article once into a fresh pipeline, which then holds the same state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReplayIT {

  private static final Duration CATCH_UP = Duration.ofSeconds(120);

  @TempDir static Path data;

  private static ArticleCorpus corpus;
  private static LocalStack stack;
  private static PipelineState pipeline;
  private static Map<String, PositionState> stateBefore;

  @BeforeAll
  static void pipelineWithTheCorpus() throws Exception {
    corpus = ArticleCorpus.ofSamples(16);
    stack = TestStacks.start(data.resolve("first"));
    pipeline = PipelineState.of(stack);
    assertEquals(corpus.size(), new HashSet<>(corpus.push(stack.ingestorClient(), data)).size());
    pipeline.awaitCaughtUp(CATCH_UP);
    stateBefore = pipeline.state();
    assertTrue(stateBefore.size() >= 10, "the corpus states positions: " + stateBefore.keySet());
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void aDryRunCountsWhatWouldMoveByOutletAndByTimeAndWritesNothing() {
    Map<Integer, Long> articlesBefore = pipeline.endOffsets(Topics.ARTICLES.name());

    Cli.Result byOutlet = replay(Topics.ARTICLES.name(), "--source", "bbc");
    assertEquals(0, byOutlet.exitCode(), byOutlet.toString());
    assertTrue(
        byOutlet
            .out()
            .contains(
                String.format(
                    "%,d record(s) would move, %,d filtered out.",
                    corpus.from("bbc"), corpus.size() - corpus.from("bbc"))),
        byOutlet.toString());

    Instant since = corpus.published(corpus.size() / 3);
    Cli.Result byTime = replay(Topics.ARTICLES.name(), "--from", since.toString());
    assertEquals(0, byTime.exitCode(), byTime.toString());
    assertTrue(
        byTime
            .out()
            .contains(String.format("%,d record(s) would move.", corpus.publishedSince(since))),
        byTime.toString());

    assertEquals(
        articlesBefore, pipeline.endOffsets(Topics.ARTICLES.name()), "a dry run writes nothing");
  }

  @Test
  @Order(2)
  void tailAndTopicsShowWhatThePipelineHolds() throws Exception {
    Cli.Result tail =
        Cli.run(
            new TailCommand(),
            Topics.POSITION_STATE.name(),
            "--where",
            "evidence.source=tass",
            "--max",
            "3",
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry",
            stack.registry().httpAddress().toString());
    assertEquals(0, tail.exitCode(), tail.toString());
    List<String> lines = tail.out().lines().toList();
    assertFalse(lines.isEmpty(), tail.toString());
    assertTrue(lines.size() <= 3, tail.toString());
    for (String line : lines) {
      assertTrue(
          line.contains("\"evidence\":[{\"articleId\"") && line.contains("\"source\":\"tass\""),
          line);
    }

    Cli.Result topics =
        Cli.run(new TopicsCommand(), "--bootstrap-servers", stack.bootstrapServers());
    assertEquals(0, topics.exitCode(), topics.toString());
    assertPrintsLine(
        topics,
        l ->
            l.startsWith(Topics.ARTICLES.name() + " ")
                && l.contains("compact")
                && l.contains(String.format("%,d (", corpus.size())));
    assertPrintsLine(
        topics,
        l ->
            l.startsWith("parley-extractor ")
                && l.contains("Stable")
                && l.contains(Topics.ARTICLES.name())
                && l.endsWith(" 0"));
  }

  @Test
  @Order(3)
  void replayingEveryArticleIntoThePipelineLeavesTheStateExactlyAsItWas() throws Exception {
    long articles = total(pipeline.endOffsets(Topics.ARTICLES.name()));
    long positions = total(pipeline.endOffsets(Topics.POSITIONS.name()));
    Map<Integer, Long> stateRecords = pipeline.endOffsets(Topics.POSITION_STATE.name());

    Cli.Result replay = replay(Topics.ARTICLES.name(), "--execute");
    assertEquals(0, replay.exitCode(), replay.toString());
    assertTrue(
        replay.out().contains(String.format("Moved %,d record(s)", corpus.size())),
        replay.toString());
    pipeline.awaitCaughtUp(CATCH_UP);

    assertEquals(
        articles + corpus.size(),
        total(pipeline.endOffsets(Topics.ARTICLES.name())),
        "every article was published again");
    assertTrue(
        total(pipeline.endOffsets(Topics.POSITIONS.name())) >= positions + corpus.size(),
        "and extracted again");
    assertEquals(stateBefore, pipeline.state(), "every field of every position is as it was");
    assertEquals(
        stateRecords,
        pipeline.endOffsets(Topics.POSITION_STATE.name()),
        "not one state change was published");
  }

  @Test
  @Order(4)
  void aReplayStoppedBySignalAndResumedWithTheCommandItPrintedDeliversEveryArticleOnce()
      throws Exception {
    Map<String, Article> archive = latestArticles();
    assertEquals(corpus.size(), archive.size());
    stack.close();
    stack = TestStacks.start(data.resolve("fresh"));
    pipeline = PipelineState.of(stack);
    String archiveTopic = "archive.articles";
    writeArchive(archiveTopic, archive);

    Path firstRun = data.resolve("replay-interrupted.out");
    Process replay =
        new ProcessBuilder(
                ParleyJar.command(
                    "replay",
                    archiveTopic,
                    "--to",
                    Topics.ARTICLES.name(),
                    "--execute",
                    "--rate",
                    "20",
                    "--bootstrap-servers",
                    stack.bootstrapServers(),
                    "--schema-registry",
                    stack.registry().httpAddress().toString()))
            .redirectErrorStream(true)
            .redirectOutput(firstRun.toFile())
            .start();
    try {
      awaitLine(firstRun, "Replaying " + archiveTopic, replay);
      Thread.sleep(2000);
      replay.destroy();
      assertTrue(
          replay.waitFor(60, TimeUnit.SECONDS), "the replay stopped within a minute of SIGTERM");
    } finally {
      replay.destroyForcibly();
    }
    String interrupted = Files.readString(firstRun);
    Matcher stopped =
        Pattern.compile("Stopped after moving (\\d+) record\\(s\\)").matcher(interrupted);
    assertTrue(stopped.find(), "it says it stopped, and how far it got:\n" + interrupted);
    long movedFirst = Long.parseLong(stopped.group(1));
    assertTrue(
        movedFirst > 0 && movedFirst < corpus.size(), "it stopped part-way:\n" + interrupted);
    assertEquals(
        movedFirst,
        pipeline.records(Topics.ARTICLES.name()).size(),
        "what it says it moved is what Kafka has");

    List<String> lines = interrupted.lines().toList();
    String resume = lines.get(lines.indexOf("To go on from there:") + 1).trim();
    assertTrue(
        resume.startsWith(
            "./parley replay " + archiveTopic + " --to " + Topics.ARTICLES.name() + " --from "),
        resume);
    Path secondRun = data.resolve("replay-resumed.out");
    List<String> resumeArgs =
        new ArrayList<>(List.of(resume.substring("./parley ".length()).split(" ")));
    resumeArgs.addAll(
        List.of(
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry",
            stack.registry().httpAddress().toString()));
    Process resumed =
        new ProcessBuilder(ParleyJar.command(resumeArgs.toArray(String[]::new)))
            .redirectErrorStream(true)
            .redirectOutput(secondRun.toFile())
            .start();
    assertTrue(resumed.waitFor(120, TimeUnit.SECONDS), "the resumed replay finished");
    assertEquals(0, resumed.exitValue(), Files.readString(secondRun));
    assertTrue(
        Files.readString(secondRun)
            .contains(String.format("Moved %,d record(s)", corpus.size() - movedFirst)),
        Files.readString(secondRun));

    Map<String, Integer> copiesOfEachSource = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> copy : pipeline.records(Topics.ARTICLES.name())) {
      copiesOfEachSource.merge(
          new String(
              copy.headers().lastHeader(Replay.SOURCE_HEADER).value(), StandardCharsets.UTF_8),
          1,
          Integer::sum);
    }
    assertEquals(
        corpus.size(),
        copiesOfEachSource.size(),
        "every archived article arrived: " + copiesOfEachSource.keySet());
    assertTrue(
        copiesOfEachSource.values().stream().allMatch(n -> n == 1),
        "none twice: " + copiesOfEachSource);

    pipeline.awaitCaughtUp(CATCH_UP);
    assertEquals(
        stateBefore,
        pipeline.state(),
        "the fresh pipeline holds the state the first one built from the same articles");
  }

  @Test
  @Order(5)
  void aReplayIntoTheArticlesMovesNoOlderVersionOfAnEditedArticle() throws Exception {
    String url = "https://example.org/kremlin-edited";
    String id =
        stack
            .ingestorClient()
            .push(
                Map.of(
                    "headline", "Kremlin statement",
                    "body", "The Kremlin said Russia may give up its claim to the Donbas region.",
                    "source", "tass",
                    "url", url));
    assertEquals(
        id,
        stack
            .ingestorClient()
            .push(
                Map.of(
                    "headline", "Kremlin statement (updated)",
                    "body", "The Kremlin said Russia demands all of the Donbas region.",
                    "source", "tass",
                    "url", url)),
        "the edit keeps the article's id");
    pipeline.awaitCaughtUp(CATCH_UP);
    Map<String, PositionState> edited = pipeline.state();
    long newestRevision = latestArticles().get(id).getRevision();

    Cli.Result replay = replay(Topics.ARTICLES.name(), "--execute");

    assertEquals(0, replay.exitCode(), replay.toString());
    assertTrue(
        replay
            .out()
            .contains("1 not moved as older versions of articles than parley.articles holds"),
        replay.toString());
    assertEquals(
        newestRevision,
        latestArticles().get(id).getRevision(),
        "the compacted topic still ends with the edit");
    pipeline.awaitCaughtUp(CATCH_UP);
    assertEquals(edited, pipeline.state(), "and the state is as it was");
  }

  private Cli.Result replay(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry",
            stack.registry().httpAddress().toString()));
    return Cli.run(new ReplayCommand(), all.toArray(String[]::new));
  }

  /** The articles as the compacted topic keeps them: the latest record of each id. */
  private static Map<String, Article> latestArticles() {
    AvroSerde<Article> articles =
        Topics.ARTICLES.valueSerde(
            SchemaRegistryClients.forUrl(stack.registry().httpAddress().toString()));
    Map<String, Article> latest = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : pipeline.records(Topics.ARTICLES.name())) {
      latest.put(
          new String(record.key(), StandardCharsets.UTF_8),
          articles.deserialize(record.topic(), record.value()));
    }
    return latest;
  }

  /**
   * A backup of the articles in another topic of the fresh cluster, written as the ingestor writes
   * them.
   */
  private static void writeArchive(String topic, Map<String, Article> articles) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      // kept forever: the articles carry their published times, which the default retention has
      // long passed
      admin
          .createTopics(
              List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("retention.ms", "-1"))))
          .all()
          .get();
    }
    AvroSerde<Article> serde =
        Topics.ARTICLES.valueSerde(
            SchemaRegistryClients.forUrl(
                stack.registry().httpAddress().toString(), "parley:" + stack.registryAdminKey()));
    try (KafkaProducer<String, Article> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", stack.bootstrapServers()),
            new StringSerializer(),
            (t, article) -> serde.serialize(Topics.ARTICLES.name(), article))) {
      for (Article article : articles.values()) {
        producer
            .send(
                new ProducerRecord<>(
                    topic, null, article.getPublishedAt().toEpochMilli(), article.getId(), article))
            .get();
      }
    }
  }

  private static void awaitLine(Path output, String start, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Files.readString(output).lines().noneMatch(l -> l.startsWith(start))) {
      assertTrue(
          process.isAlive() && System.nanoTime() < deadline,
          "the replay began:\n" + Files.readString(output));
      Thread.sleep(100);
    }
  }

  private static long total(Map<Integer, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void assertPrintsLine(Cli.Result result, Predicate<String> line) {
    assertTrue(result.out().lines().anyMatch(line), result.toString());
  }
}
