package dev.parley.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.Article;
import dev.parley.avro.ArticlePositions;
import dev.parley.avro.Position;
import dev.parley.common.ServiceConfig;
import dev.parley.common.SizeLimitedSerializer;
import dev.parley.common.StreamsRunner;
import dev.parley.common.TextBounds;
import dev.parley.common.Topics;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.text.ArticleText;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractorTopologyTest {

  private static final String REGISTRY = "mock://extractor-topology-test";
  private static final String STATES_A_POSITION =
      "The Kremlin said Ukraine must withdraw its troops from the Donbas region.";

  @TempDir Path stateDir;

  private SchemaRegistryClient registry;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Article> articles;
  private TestOutputTopic<String, ArticlePositions> positions;
  private final Ontology ontology = Ontology.loadDefault();

  @BeforeEach
  void start() {
    registry = SchemaRegistryClients.forUrl(REGISTRY);
    ServiceConfig config = ServiceConfig.of(Map.of(ServiceConfig.STATE_DIR, stateDir.toString()));
    driver =
        new TopologyTestDriver(
            ExtractorTopology.buildTopology(registry, new PositionExtractor(ontology), ontology),
            StreamsRunner.properties("extractor", config));
    articles =
        driver.createInputTopic(
            Topics.ARTICLES.name(),
            Topics.ARTICLES.keySerde().serializer(),
            Topics.ARTICLES.valueSerde(registry));
    positions =
        driver.createOutputTopic(
            Topics.POSITIONS.name(),
            Topics.POSITIONS.keySerde().deserializer(),
            Topics.POSITIONS.valueSerde(registry));
  }

  @AfterEach
  void stop() {
    driver.close();
    SchemaRegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void positionsBelowTheOntologysConfirmationThresholdAreKeptAndMarkedUnconfirmed() {
    articles.pipeInput(
        "a3",
        article(
            "a3",
            "Mixed signals",
            "The Kremlin rejected any ceasefire on Monday. "
                + "Analysts say Kyiv might perhaps be open to a NATO-free status if the talks had gone differently."));
    List<Position> found = positions.readValue().getPositions();
    assertFalse(found.isEmpty());
    for (Position p : found) {
      assertEquals(
          p.getConfidence() >= ontology.confirmationThreshold(), p.getConfirmed(), p::toString);
    }
    assertTrue(
        found.stream().anyMatch(Position::getConfirmed),
        "a plain rejection is confirmed: " + found);
  }

  @Test
  void eachArticleYieldsItsPositionsWithEvidenceLocatedInTheCleanedText() {
    Article article =
        article(
            "a1",
            "Kremlin hardens line",
            "Talks resumed in Geneva on Monday.\nThe Kremlin said Ukraine must withdraw its troops from the Donbas region.");
    articles.pipeInput(article.getId(), article);

    TestRecord<String, ArticlePositions> record = positions.readRecord();
    assertEquals("a1", record.key());
    ArticlePositions out = record.value();
    assertEquals(ontology.negotiation(), out.getNegotiation());
    assertEquals(ontology.version(), out.getOntologyVersion());
    assertEquals(PositionExtractor.VERSION, out.getExtractorVersion());
    assertEquals(article.getPublishedAt(), out.getPublishedAt());
    Position territory =
        out.getPositions().stream()
            .filter(p -> p.getActor().equals("russia") && p.getIssue().equals("territory"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        territory.getStance() > 0, "Russia wants Ukraine to withdraw from territory: " + territory);
    String text = ArticleText.of(article.getHeadline(), article.getBody());
    assertEquals(
        territory.getEvidence().getSentence(),
        text.substring(territory.getEvidence().getStart(), territory.getEvidence().getEnd()));
    assertFalse(territory.getCue().isBlank(), "the cue explains the stance");
  }

  @Test
  void anArticleThatStatesNoPositionStillYieldsARecordAndADeletionPassesThrough() {
    articles.pipeInput("a2", article("a2", "Weather", "It rained in Kyiv on Tuesday."));
    assertTrue(positions.readValue().getPositions().isEmpty());
    articles.pipeInput("a2", null);
    TestRecord<String, ArticlePositions> deletion = positions.readRecord();
    assertEquals("a2", deletion.key());
    assertNull(deletion.value());
  }

  // issue 12's poison articles: the output stays bounded and the app goes on

  @Test
  void
      anArticleOfFifteenThousandPositionParagraphsYieldsTheMostConfidentPositionsUpToTheCapAndCountsTheRest() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 15_000; i++) {
      body.append(
              i % 3 == 0
                  ? STATES_A_POSITION
                  : "Russia rejects any ceasefire along the current front line, officials said.")
          .append('\n');
    }
    articles.pipeInput("flood", article("flood", "Positions", body.toString()));

    ArticlePositions out = positions.readValue();
    assertEquals(ExtractorTopology.MAX_POSITIONS_PER_ARTICLE, out.getPositions().size());
    assertTrue(
        out.getDroppedPositions() > 1000,
        "the dropped positions are counted: " + out.getDroppedPositions());
    double leastKept =
        out.getPositions().stream().mapToDouble(Position::getConfidence).min().orElseThrow();
    assertTrue(out.getPositions().stream().allMatch(p -> p.getConfidence() >= leastKept));
    assertTrue(
        serializedSize(out) < SizeLimitedSerializer.MAX_VALUE_BYTES,
        "under Kafka's record limit: " + serializedSize(out));
  }

  @Test
  void aSixHundredKilobyteHeadlineIsClippedInTheOutput() {
    // one long word: a headline of 75,000 words takes the extractor minutes, which is its own
    // finding
    articles.pipeInput(
        "long", article("long", "Kremlin " + "z".repeat(600_000), STATES_A_POSITION));

    ArticlePositions out = positions.readValue();
    assertEquals(TextBounds.MAX_HEADLINE_CHARS, out.getHeadline().length());
    assertFalse(out.getPositions().isEmpty());
  }

  @Test
  void aRunOnSentenceIsClippedInTheEvidence() {
    // long words, so that even the splitter's longest sentence is longer than the evidence bound
    String runOn =
        "The Kremlin said Ukraine must withdraw its troops from the Donbas region"
            + (", and " + "more".repeat(10)).repeat(250)
            + ".";
    articles.pipeInput("run-on", article("run-on", "Talks", runOn));

    ArticlePositions out = positions.readValue();
    assertFalse(out.getPositions().isEmpty(), "the run-on sentence still states a position");
    out.getPositions()
        .forEach(
            p ->
                assertTrue(
                    p.getEvidence().getSentence().length() <= TextBounds.MAX_SENTENCE_CHARS));
    out.getPositions()
        .forEach(
            p ->
                assertTrue(
                    p.getEvidence().getEnd() - p.getEvidence().getStart()
                        > TextBounds.MAX_SENTENCE_CHARS,
                    "the offsets still locate the whole sentence in the text"));
  }

  @Test
  void theArticleRevisionIsPassedOn() {
    Article article = article("rev", "Talks", STATES_A_POSITION);
    article.setRevision(1_764_000_000_123L);
    articles.pipeInput("rev", article);
    assertEquals(1_764_000_000_123L, positions.readValue().getArticleRevision());
  }

  private int serializedSize(ArticlePositions out) {
    return Topics.POSITIONS
        .valueSerde(registry)
        .serializer()
        .serialize(Topics.POSITIONS.name(), out)
        .length;
  }

  private static Article article(String id, String headline, String body) {
    return Article.newBuilder()
        .setId(id)
        .setHeadline(headline)
        .setBody(body)
        .setSource("test")
        .setPublishedAt(Instant.parse("2025-12-02T10:00:00Z"))
        .setIngestedAt(Instant.parse("2025-12-02T10:05:00Z"))
        .build();
  }
}
