package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.ArticlePositions;
import dev.parley.avro.Evidence;
import dev.parley.avro.Position;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionState;
import dev.parley.common.ServiceConfig;
import dev.parley.common.SizeLimitedSerializer;
import dev.parley.common.StreamsRunner;
import dev.parley.common.TextBounds;
import dev.parley.common.Topics;
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

/** Replays of old article versions and oversized text through the real aggregator topology. */
class ArticleRevisionsAndBoundsTest {

  private static final String REGISTRY = "mock://aggregator-revisions-test";
  private static final String TERRITORY = "ukraine-peace/russia/territory";

  @TempDir
  Path stateDir;

  private SchemaRegistryClient registry;
  private TopologyTestDriver driver;
  private TestInputTopic<String, ArticlePositions> positions;
  private TestOutputTopic<String, PositionState> states;
  private TestOutputTopic<String, PositionChange> changes;

  @BeforeEach
  void start() {
    registry = SchemaRegistryClients.forUrl(REGISTRY);
    ServiceConfig config = ServiceConfig.of(Map.of(ServiceConfig.STATE_DIR, stateDir.toString()));
    driver = new TopologyTestDriver(AggregatorTopology.buildTopology(registry), StreamsRunner.properties("aggregator", config));
    positions = driver.createInputTopic(Topics.POSITIONS.name(), Topics.POSITIONS.keySerde().serializer(), Topics.POSITIONS.valueSerde(registry));
    states = driver.createOutputTopic(Topics.POSITION_STATE.name(), Topics.POSITION_STATE.keySerde().deserializer(),
        Topics.POSITION_STATE.valueSerde(registry));
    changes = driver.createOutputTopic(Topics.POSITION_CHANGES.name(), Topics.POSITION_CHANGES.keySerde().deserializer(),
        Topics.POSITION_CHANGES.valueSerde(registry));
  }

  @AfterEach
  void stop() {
    driver.close();
    SchemaRegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void anOldVersionReplayedAfterTheEditChangesNothing() {
    ArticlePositions original = article(1_000, "Kremlin talks", position(-1, "Moscow may give up its claim."));
    ArticlePositions edited = article(2_000, "Kremlin talks (updated)", position(2, "Moscow demands all of Donbas."));
    positions.pipeInput("a", original);
    positions.pipeInput("a", edited);
    PositionState afterEdit = states.readValuesToList().get(1);
    assertEquals(2, afterEdit.getStance());
    changes.readValuesToList();

    positions.pipeInput("a", original);

    assertTrue(changes.isEmpty(), "the older revision arrived last and changed nothing");
    assertTrue(states.isEmpty());
    positions.pipeInput("a", edited);
    assertTrue(changes.isEmpty(), "and the store still holds the edit: sending it again is a duplicate");
  }

  @Test
  void aReExtractionOfTheSameRevisionReplacesTheEarlierOne() {
    positions.pipeInput("a", article(1_000, "Kremlin talks", position(-1, "Moscow may give up its claim.")));
    positions.pipeInput("a", article(1_000, "Kremlin talks", position(2, "Moscow may give up its claim.")));
    List<PositionState> written = states.readValuesToList();
    assertEquals(2, written.get(written.size() - 1).getStance(), "new rules on the same version apply");
  }

  @Test
  void aSixHundredKilobyteHeadlineAndSentenceMakeAChangeWellUnderKafkasLimit() {
    String headline = "Kremlin ".repeat(75_000);
    positions.pipeInput("huge", article(1_000, headline, position(2, "Moscow demands all of Donbas " + "and more ".repeat(70_000))));

    TestRecord<String, PositionChange> record = changes.readRecord();
    assertEquals(TERRITORY, record.key());
    PositionChange change = record.value();
    int bytes = Topics.POSITION_CHANGES.valueSerde(registry).serializer().serialize(Topics.POSITION_CHANGES.name(), change).length;
    assertTrue(bytes < SizeLimitedSerializer.MAX_VALUE_BYTES / 10, "a change of " + bytes + " bytes");
    assertFalse(states.isEmpty(), "the state was written too");
    assertTrue(bytes > TextBounds.MAX_HEADLINE_CHARS, "the clipped headline and sentence are still there");
  }

  private static ArticlePositions article(long revision, String headline, Position... found) {
    return ArticlePositions.newBuilder().setArticleId("a").setSource("tass").setUrl(null).setHeadline(headline)
        .setPublishedAt(Instant.ofEpochSecond(100)).setNegotiation("ukraine-peace").setOntologyVersion("t").setExtractorVersion("t")
        .setArticleRevision(revision).setPositions(List.of(found)).build();
  }

  private static Position position(int stance, String sentence) {
    return Position.newBuilder().setActor("russia").setIssue("territory").setStance(stance).setConfidence(0.8)
        .setEvidence(new Evidence(sentence, 0, sentence.length())).build();
  }
}
