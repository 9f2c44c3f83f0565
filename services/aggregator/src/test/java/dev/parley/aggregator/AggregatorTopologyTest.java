package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.ArticlePositions;
import dev.parley.avro.Evidence;
import dev.parley.avro.Position;
import dev.parley.avro.PositionState;
import dev.parley.common.ServiceConfig;
import dev.parley.common.StreamsRunner;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
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

class AggregatorTopologyTest {

  private static final String REGISTRY = "mock://aggregator-topology-test";
  private static final String TERRITORY = "ukraine-peace/russia/territory";

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, ArticlePositions> positions;
  private TestOutputTopic<String, PositionState> states;

  @BeforeEach
  void start() {
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(REGISTRY);
    ServiceConfig config = ServiceConfig.of(Map.of(ServiceConfig.STATE_DIR, stateDir.toString(), ServiceConfig.SCHEMA_REGISTRY_URL, REGISTRY));
    driver = new TopologyTestDriver(AggregatorTopology.buildTopology(registry), StreamsRunner.properties("aggregator", config));
    positions = driver.createInputTopic(Topics.POSITIONS.name(), Topics.POSITIONS.keySerde().serializer(),
        Topics.POSITIONS.valueSerde(registry));
    states = driver.createOutputTopic(Topics.POSITION_STATE.name(), Topics.POSITION_STATE.keySerde().deserializer(),
        Topics.POSITION_STATE.valueSerde(registry));
  }

  @AfterEach
  void stop() {
    driver.close();
    SchemaRegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void theMostRecentlyPublishedArticleDecidesTheStanceWhateverTheArrivalOrder() {
    send(article("new", "tass", 200, position("russia", "territory", 2, 0.9, "Moscow demands all of Donbas.")));
    send(article("old", "rian", 100, position("russia", "territory", -1, 0.6, "Moscow once hesitated.")));

    PositionState state = latestStates().get(TERRITORY);
    assertEquals(2, state.getStance(), "the older article arrived last but was published first");
    assertEquals(2, state.getArticleCount());
    assertEquals(2, state.getSourceCount());
    assertEquals(1, state.getAgreeingArticles());
    assertEquals(1, state.getDissentingArticles());
    assertEquals(Instant.ofEpochSecond(200), state.getSince());
    assertEquals("new", state.getLatest().getArticleId());
    assertEquals("Moscow demands all of Donbas.", state.getLatest().getSentence());
  }

  @Test
  void aDuplicateDeliveryChangesNothing() {
    ArticlePositions article = article("a", "tass", 100, position("russia", "territory", 2, 0.9, "Moscow demands Donbas."));
    send(article);
    assertEquals(1, states.readRecordsToList().size());
    send(article);
    assertTrue(states.isEmpty(), "the same extraction again emits no change");
  }

  @Test
  void reExtractionReplacesWhatTheArticleSaidBefore() {
    send(article("a", "tass", 100, position("russia", "territory", 2, 0.9, "Moscow demands Donbas."),
        position("ukraine", "nato", 2, 0.8, "Kyiv insists on NATO.")));
    states.readRecordsToList();

    send(article("a", "tass", 100, position("ukraine", "nato", 1, 0.8, "Kyiv would like NATO.")));
    List<TestRecord<String, PositionState>> changes = states.readRecordsToList();
    assertEquals(2, changes.size());
    Map<String, PositionState> byKey = new java.util.HashMap<>();
    changes.forEach(r -> byKey.put(r.key(), r.value()));
    assertTrue(byKey.containsKey(TERRITORY));
    assertNull(byKey.get(TERRITORY), "the position the article no longer states is gone (tombstone)");
    assertEquals(1, byKey.get("ukraine-peace/ukraine/nato").getStance());
  }

  @Test
  void deletingAnArticleRetractsAllItsPositions() {
    send(article("a", "tass", 100, position("russia", "territory", 2, 0.9, "Moscow demands Donbas.")));
    send(article("b", "ria", 150, position("russia", "territory", 2, 0.7, "The Kremlin wants Donbas.")));
    states.readRecordsToList();
    positions.pipeInput("b", null);
    PositionState after = states.readRecordsToList().get(0).value();
    assertEquals(1, after.getArticleCount());
    assertEquals("a", after.getLatest().getArticleId());
  }

  @Test
  void everyStateNamesTheArticleThatChangedIt() {
    send(article("a", "tass", 100, position("russia", "territory", 2, 0.9, "Moscow demands Donbas.")));
    send(article("b", "ria", 150, position("russia", "territory", 2, 0.7, "The Kremlin wants Donbas.")));
    assertEquals(List.of("a", "b"), states.readRecordsToList().stream().map(r -> r.value().getUpdatedBy()).toList());
  }

  private void send(ArticlePositions article) {
    positions.pipeInput(article.getArticleId(), article);
  }

  private Map<String, PositionState> latestStates() {
    return states.readKeyValuesToMap();
  }

  private static ArticlePositions article(String id, String source, long publishedSecond, Position... found) {
    return ArticlePositions.newBuilder().setArticleId(id).setSource(source).setHeadline("h " + id)
        .setPublishedAt(Instant.ofEpochSecond(publishedSecond)).setNegotiation("ukraine-peace").setOntologyVersion("1")
        .setExtractorVersion("test").setPositions(Arrays.asList(found)).build();
  }

  private static Position position(String actor, String issue, int stance, double confidence, String sentence) {
    return Position.newBuilder().setActor(actor).setIssue(issue).setStance(stance).setConfidence(confidence)
        .setEvidence(new Evidence(sentence, 0, sentence.length())).build();
  }
}
