package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.avro.ArticlePositions;
import dev.parley.avro.ChangeKind;
import dev.parley.avro.Evidence;
import dev.parley.avro.Position;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionState;
import dev.parley.avro.StanceChange;
import dev.parley.avro.Statement;
import dev.parley.avro.Trend;
import dev.parley.common.SizeLimitedSerializer;
import dev.parley.common.TestDrivers;
import dev.parley.common.TextBounds;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import dev.parley.serde.AvroJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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

  @TempDir Path stateDir;

  private SchemaRegistryClient registry;
  private TopologyTestDriver driver;
  private TestInputTopic<String, ArticlePositions> positions;
  private TestOutputTopic<String, PositionState> states;
  private TestOutputTopic<String, PositionChange> changes;

  @BeforeEach
  void start() {
    registry = SchemaRegistryClients.forUrl(REGISTRY);
    driver =
        new TopologyTestDriver(
            AggregatorTopology.buildTopology(registry),
            TestDrivers.properties("aggregator", stateDir, REGISTRY));
    positions = TestDrivers.input(driver, Topics.POSITIONS, registry);
    states = TestDrivers.output(driver, Topics.POSITION_STATE, registry);
    changes = TestDrivers.output(driver, Topics.POSITION_CHANGES, registry);
  }

  @AfterEach
  void stop() {
    driver.close();
    SchemaRegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void theMostRecentlyPublishedArticleDecidesTheStanceWhateverTheArrivalOrder() {
    send(article("new", "tass", 200, russiaOnTerritory(2, 0.9, "Moscow demands all of Donbas.")));
    send(article("old", "rian", 100, russiaOnTerritory(-1, 0.6, "Moscow once hesitated.")));

    PositionState state = latestStates().get(TERRITORY);
    assertEquals(2, state.getStance(), "the older article arrived last but was published first");
    assertEquals(2, state.getArticleCount());
    assertEquals(2, state.getSourceCount());
    assertEquals(1, state.getAgreeingArticles());
    assertEquals(1, state.getDissentingArticles());
    assertEquals(Instant.ofEpochSecond(200), state.getSince());
    assertEquals(Instant.ofEpochSecond(100), state.getFirstSeen());
    assertEquals(
        List.of("new", "old"),
        state.getEvidence().stream().map(Statement::getArticleId).toList(),
        "newest first");
    assertEquals("Moscow demands all of Donbas.", state.getEvidence().get(0).getSentence());
  }

  @Test
  void aDuplicateDeliveryChangesNothing() {
    ArticlePositions article =
        article("a", "tass", 100, russiaOnTerritory(2, 0.9, "Moscow demands Donbas."));
    send(article);
    assertEquals(1, states.readRecordsToList().size());
    send(article);
    assertTrue(states.isEmpty(), "the same extraction again emits no change");
  }

  @Test
  void reExtractionReplacesWhatTheArticleSaidBefore() {
    send(
        article(
            "a",
            "tass",
            100,
            russiaOnTerritory(2, 0.9, "Moscow demands Donbas."),
            position("ukraine", "nato", 2, 0.8, "Kyiv insists on NATO.")));
    states.readRecordsToList();

    send(article("a", "tass", 100, position("ukraine", "nato", 1, 0.8, "Kyiv would like NATO.")));
    List<TestRecord<String, PositionState>> changes = states.readRecordsToList();
    assertEquals(2, changes.size());
    Map<String, PositionState> byKey = new java.util.HashMap<>();
    changes.forEach(r -> byKey.put(r.key(), r.value()));
    assertTrue(byKey.containsKey(TERRITORY));
    assertNull(
        byKey.get(TERRITORY), "the position the article no longer states is gone (tombstone)");
    assertEquals(1, byKey.get("ukraine-peace/ukraine/nato").getStance());
  }

  @Test
  void deletingAnArticleRetractsAllItsPositions() {
    sendTwoAgreeingArticles();
    states.readRecordsToList();
    positions.pipeInput("b", null);
    PositionState after = states.readRecordsToList().get(0).value();
    assertEquals(1, after.getArticleCount());
    assertEquals("a", after.getEvidence().get(0).getArticleId());
  }

  @Test
  void everyChangeSaysWhatItWasWhatItIsAndWhichArticleCausedIt() {
    sendTwoAgreeingArticles();
    send(article("c", "bbc", 200, russiaOnTerritory(-1, 0.6, "Moscow could drop its claim.")));
    send(article("a", "tass", 100));
    positions.pipeInput("b", null);
    positions.pipeInput("c", null);

    List<PositionChange> log = changes.readValuesToList();
    assertEquals(
        List.of(
            ChangeKind.APPEARED,
            ChangeKind.UPDATED,
            ChangeKind.STANCE_CHANGED,
            ChangeKind.UPDATED,
            ChangeKind.UPDATED,
            ChangeKind.REMOVED),
        log.stream().map(PositionChange::getKind).toList());
    assertEquals(
        List.of("a", "b", "c", "a", "b", "c"),
        log.stream().map(c -> c.getCausedBy().getArticleId()).toList());
    assertEquals(
        List.of(false, false, false, true, true, true),
        log.stream().map(PositionChange::getRetracted).toList());
    PositionChange turn = log.get(2);
    assertEquals(2, turn.getBefore().getStance());
    assertEquals(-1, turn.getAfter().getStance());
    assertNull(log.get(0).getBefore());
    assertNull(log.get(5).getAfter());
    for (int i = 1; i < log.size(); i++) {
      PositionState ended = log.get(i - 1).getAfter();
      PositionState before = log.get(i).getBefore();
      assertEquals(List.of(), before.getEvidence(), "the evidence stands in the previous after");
      assertEquals(List.of(), before.getHistory());
      ended.setEvidence(List.of());
      ended.setHistory(List.of());
      assertEquals(ended, before, "each change starts where the previous one ended");
    }
  }

  @Test
  void theChangesEndpointListsEachChangeAsTheSseStreamSendsIt() throws Exception {
    sendTwoAgreeingArticles();
    List<TestRecord<String, PositionChange>> log = changes.readRecordsToList();
    List<StateChange> recent = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      recent.add(new StateChange(log.get(i).key(), log.get(i).value(), 1, 40 + i));
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode listed = json.readTree(StateJson.changes(recent));

    assertEquals(2, listed.size());
    for (int i = 0; i < log.size(); i++) {
      ObjectNode expected =
          json.createObjectNode().put("key", TERRITORY).put("partition", 1).put("offset", 40 + i);
      expected.setAll((ObjectNode) AvroJson.of(log.get(i).value()));
      assertEquals(expected, listed.get(i));
      assertEquals(expected, json.readTree(recent.get(i).json()), "the SSE event's data");
    }
    assertEquals("b", listed.get(1).path("causedBy").path("articleId").asText());
    assertEquals(2, listed.get(1).path("after").path("stance").asInt());
    assertEquals("[]", new String(StateJson.changes(List.of()), StandardCharsets.UTF_8));
  }

  @Test
  void theStateTopicCarriesEveryChangesNewState() {
    send(article("a", "tass", 100, russiaOnTerritory(2, 0.9, "Moscow demands Donbas.")));
    send(article("a", "tass", 100));
    List<PositionChange> log = changes.readValuesToList();
    List<PositionState> table = states.readValuesToList();
    assertEquals(log.stream().map(PositionChange::getAfter).toList(), table);
  }

  @Test
  void copiesOfOneWireStoryCountAsOneIndependentSource() {
    List<Integer> wire = fingerprint(1);
    String wireText = "Russia demands Donbas, officials said.";
    send(article("ap", "ap", 100, wire, russiaOnTerritory(2, 0.6, wireText)));
    send(
        article("copy1", "guardian", 110, nearCopy(wire, 10), russiaOnTerritory(2, 0.6, wireText)));
    send(article("copy2", "dw", 120, nearCopy(wire, 20), russiaOnTerritory(2, 0.6, wireText)));
    PositionState copiesOnly = latestStates().get(TERRITORY);
    assertEquals(3, copiesOnly.getSourceCount());
    assertEquals(1, copiesOnly.getIndependentSources(), "three outlets ran one story");
    assertEquals(0.6, copiesOnly.getConfidence(), 1e-9, "copies do not corroborate one another");
    assertEquals(
        List.of("ap", "ap", "ap"),
        copiesOnly.getEvidence().stream().map(Statement::getStory).toList());

    send(
        article(
            "own",
            "bbc",
            130,
            fingerprint(2),
            russiaOnTerritory(2, 0.6, "The Kremlin told the BBC it wants Donbas.")));
    PositionState corroborated = latestStates().get(TERRITORY);
    assertEquals(2, corroborated.getIndependentSources());
    assertEquals(
        1 - 0.4 * 0.4,
        corroborated.getConfidence(),
        1e-3,
        "an independent report does corroborate");
  }

  @Test
  void storiesDoNotDependOnWhichCopyArrivedFirst() {
    List<Integer> wire = fingerprint(1);
    send(
        article(
            "copy",
            "guardian",
            110,
            nearCopy(wire, 10),
            russiaOnTerritory(2, 0.6, "Russia demands Donbas.")));
    send(article("ap", "ap", 100, wire, russiaOnTerritory(2, 0.6, "Russia demands Donbas.")));
    PositionState state = latestStates().get(TERRITORY);
    assertEquals(1, state.getIndependentSources());
    assertEquals(
        List.of("ap", "ap"),
        state.getEvidence().stream().map(Statement::getStory).toList(),
        "the story is credited to the outlet that published it first");
  }

  @Test
  void aCopyJoinsTheStoriesOnlyOfThePositionsItStates() {
    List<Integer> wire = fingerprint(1);
    Position russia = russiaOnTerritory(2, 0.6, "Russia demands Donbas.");
    Position ukraine = position("ukraine", "nato", 2, 0.6, "Kyiv insists on NATO.");
    send(article("ap", "ap", 100, wire, russia));
    send(article("copy", "guardian", 110, nearCopy(wire, 10), russia, ukraine));
    send(article("other-copy", "dw", 120, nearCopy(wire, 20), ukraine));
    Map<String, PositionState> states = latestStates();
    assertEquals(
        List.of("ap", "ap"),
        states.get(TERRITORY).getEvidence().stream().map(Statement::getStory).toList());
    assertEquals(
        List.of("copy", "copy"),
        states.get("ukraine-peace/ukraine/nato").getEvidence().stream()
            .map(Statement::getStory)
            .toList(),
        "on NATO the story starts with the first copy that states it, not with the wire");

    // "copy" stops stating Russia's claim: it stays a copy of the wire on NATO only
    send(article("copy", "guardian", 110, nearCopy(wire, 10), ukraine));
    send(article("late-copy", "bbc", 130, nearCopy(wire, 30), russia));
    assertEquals(
        List.of("ap", "ap"),
        latestStates().get(TERRITORY).getEvidence().stream().map(Statement::getStory).toList());
  }

  @Test
  void aRevisionThatRewritesACopyTakesItOutOfTheStoryAndIntoItsOwn() {
    List<Integer> wire = fingerprint(1);
    Position russia = russiaOnTerritory(2, 0.6, "Russia demands Donbas.");
    send(article("ap", "ap", 100, wire, russia));
    send(article("copy", "guardian", 110, nearCopy(wire, 10), russia));
    assertEquals(1, latestStates().get(TERRITORY).getIndependentSources());

    List<Integer> rewritten = fingerprint(3);
    send(
        ArticlePositions.newBuilder(article("copy", "guardian", 110, rewritten, russia))
            .setArticleRevision(2)
            .build());
    assertEquals(2, latestStates().get(TERRITORY).getIndependentSources());
    send(article("follow-up", "dw", 120, nearCopy(rewritten, 10), russia));
    PositionState state = latestStates().get(TERRITORY);
    assertEquals(2, state.getIndependentSources(), "a copy of the rewrite joins the rewrite");
    assertEquals(
        List.of("copy", "copy", "ap"),
        state.getEvidence().stream().map(Statement::getStory).toList());

    send(
        ArticlePositions.newBuilder(article("copy", "guardian", day(3), rewritten, russia))
            .setArticleRevision(3)
            .build());
    assertEquals(
        3,
        latestStates().get(TERRITORY).getIndependentSources(),
        "moved three days later, the rewrite is no copy of anything published then");
  }

  @Test
  void historyRecordsEveryChangeOfStanceInPublishedOrderAndTheTrendFollowsIt() {
    send(
        article(
            "d0",
            "tass",
            day(0),
            russiaOnTerritory(1, 0.8, "Moscow would accept a deal on territory.")));
    send(
        article(
            "d3", "ria", day(3), russiaOnTerritory(2, 0.8, "Moscow now demands all of Donbas.")));
    assertEquals(Trend.HARDENING, latestStates().get(TERRITORY).getTrend());

    send(
        article(
            "d10", "bbc", day(10), russiaOnTerritory(-1, 0.8, "Moscow may give up its claim.")));
    PositionState softened = latestStates().get(TERRITORY);
    assertEquals(Trend.SOFTENING, softened.getTrend());
    assertEquals(
        List.of("d0", "d3", "d10"),
        softened.getHistory().stream().map(StanceChange::getArticleId).toList());
    assertEquals(
        List.of(1, 2, -1), softened.getHistory().stream().map(StanceChange::getStance).toList());

    send(
        article(
            "d1",
            "tass",
            day(1),
            russiaOnTerritory(1, 0.8, "Moscow repeats it would accept a deal.")));
    assertEquals(
        softened.getHistory(),
        latestStates().getOrDefault(TERRITORY, softened).getHistory(),
        "a late article that repeats the stance of its time changes no step of the history");

    send(
        article(
            "d30",
            "bbc",
            day(30),
            russiaOnTerritory(-1, 0.8, "Moscow still may give up its claim.")));
    assertEquals(
        Trend.STEADY, latestStates().get(TERRITORY).getTrend(), "no change in the last two weeks");
  }

  @Test
  void theTrendAndTheDisputeFollowTheirWindowsHoweverOftenTheStanceTurned() {
    Random random = new Random(11);
    // each sent article's stance, ordered as the timeline orders articles: by time, then id; every
    // article is a story of its own
    TreeMap<String, Integer> sent = new TreeMap<>();
    int stance = 1;
    int trendFromHistory = 0;
    int trendPastFullHistory = 0;
    int disputeBeyondEvidence = 0;
    PositionState state = null;
    for (int i = 0; i < 300; i++) {
      // weeks of a steady stance, then weeks when it turns with nearly every article
      boolean turbulent = (i / 60) % 2 == 1;
      if (turbulent ? random.nextInt(3) > 0 : random.nextInt(30) == 0) {
        stance = List.of(-2, -1, 1, 2).get(random.nextInt(4));
      }
      long second =
          day(0) + i * 4 * 3_600L - (random.nextInt(10) == 0 ? random.nextInt(864_000) : 0);
      String id = String.format("t%03d", i);
      sent.put(String.format("%012d|%s", second, id), stance);
      send(article(id, "tass", second, russiaOnTerritory(stance, 0.8, "Moscow on territory " + i)));
      state = latestStates().getOrDefault(TERRITORY, state);

      long latest = Long.parseLong(sent.lastKey().substring(0, 12));
      long cutoff = latest - 14 * 86_400L;
      String reference = sent.floorKey(String.format("%012d|~", cutoff));
      int referenceStance = sent.get(reference != null ? reference : sent.firstKey());
      assertEquals(
          StanceHistory.trend(referenceStance, sent.lastEntry().getValue()),
          state.getTrend(),
          "trend after article " + i);
      List<StanceChange> history = state.getHistory();
      if (history.size() == StanceHistory.MAX_ENTRIES
          && history.get(0).getAt().getEpochSecond() > cutoff) {
        trendPastFullHistory++;
      } else {
        trendFromHistory++;
      }

      var week = sent.tailMap(String.format("%012d", latest - 7 * 86_400L)).values();
      assertEquals(
          week.stream().anyMatch(s -> s > 0) && week.stream().anyMatch(s -> s < 0),
          state.getDisputed(),
          "dispute after article " + i);
      List<Statement> evidence = state.getEvidence();
      if (evidence.size() == PositionStateDeriver.MAX_EVIDENCE
          && evidence.get(evidence.size() - 1).getPublishedAt().getEpochSecond()
              >= latest - 7 * 86_400L
          && evidence.stream().map(s -> Integer.signum(s.getStance())).distinct().count() == 1) {
        disputeBeyondEvidence++;
      }
    }
    assertTrue(trendFromHistory > 50, "the history answered " + trendFromHistory + " times");
    assertTrue(
        trendPastFullHistory > 50,
        "the trend was asked past a full history " + trendPastFullHistory + " times");
    assertTrue(
        disputeBeyondEvidence > 50, "the stories were read " + disputeBeyondEvidence + " times");
  }

  @Test
  void historyKeepsTheMostRecentChanges() {
    for (int i = 0; i < StanceHistory.MAX_ENTRIES + 5; i++) {
      send(
          article(
              "a" + i,
              "tass",
              day(i),
              russiaOnTerritory(i % 2 == 0 ? 2 : -2, 0.8, "Turn " + i + ".")));
    }
    List<StanceChange> history = latestStates().get(TERRITORY).getHistory();
    assertEquals(StanceHistory.MAX_ENTRIES, history.size());
    assertEquals(
        "a" + (StanceHistory.MAX_ENTRIES + 4), history.get(history.size() - 1).getArticleId());
  }

  @Test
  void recentIndependentSourcesThatDisagreeMarkThePositionDisputed() {
    send(
        article(
            "old",
            "tass",
            day(0),
            fingerprint(1),
            russiaOnTerritory(-1, 0.8, "Moscow may give up its claim.")));
    send(
        article(
            "now",
            "ria",
            day(20),
            fingerprint(2),
            russiaOnTerritory(2, 0.8, "Moscow demands Donbas.")));
    assertFalse(latestStates().get(TERRITORY).getDisputed(), "the dissent is three weeks older");

    send(
        article(
            "fresh",
            "bbc",
            day(18),
            fingerprint(3),
            russiaOnTerritory(-1, 0.8, "Moscow may yet give up its claim.")));
    assertTrue(latestStates().get(TERRITORY).getDisputed());
  }

  @Test
  void aCopyThatReadsItTheOtherWayIsNoDispute() {
    List<Integer> wire = fingerprint(1);
    send(article("ap", "ap", day(0), wire, russiaOnTerritory(2, 0.8, "Moscow demands Donbas.")));
    send(
        article(
            "copy",
            "dw",
            day(1),
            nearCopy(wire, 5),
            russiaOnTerritory(-1, 0.5, "Moscow demands Donbas.")));
    assertFalse(latestStates().get(TERRITORY).getDisputed());
  }

  @Test
  void onlyConfirmedStatementsCountAndAPositionStatedOnlyUnconfirmedIsKeptMarked() {
    ArticlePositions rumour =
        article(
            "rumour",
            "blog",
            300,
            unconfirmed(russiaOnTerritory(-2, 0.3, "Moscow might drop everything.")));
    send(rumour);
    PositionState rumoured = latestStates().get(TERRITORY);
    assertFalse(rumoured.getConfirmed(), "kept, but marked");
    assertEquals(-2, rumoured.getStance());
    assertFalse(rumoured.getEvidence().get(0).getConfirmed());

    send(article("said", "tass", 100, russiaOnTerritory(1, 0.9, "Moscow would accept a deal.")));
    PositionState confirmed = latestStates().get(TERRITORY);
    assertTrue(confirmed.getConfirmed());
    assertEquals(
        1, confirmed.getStance(), "the newer unconfirmed statement does not decide the stance");
    assertEquals(1, confirmed.getArticleCount(), "nor is it counted");
    assertEquals(
        List.of("said"), confirmed.getEvidence().stream().map(Statement::getArticleId).toList());

    send(article("rumour", "blog", 300, russiaOnTerritory(-2, 0.8, "Moscow drops everything.")));
    PositionState both = latestStates().get(TERRITORY);
    assertEquals(-2, both.getStance(), "confirmed on re-extraction, it counts");
    assertEquals(2, both.getArticleCount());

    positions.pipeInput("said", null);
    send(rumour);
    assertEquals(
        rumoured, latestStates().get(TERRITORY), "back to the unconfirmed state, field by field");
  }

  private static Position unconfirmed(Position position) {
    position.setConfirmed(false);
    return position;
  }

  // issue 12: replays of old article versions and oversized text

  @Test
  void anOldVersionReplayedAfterTheEditChangesNothing() {
    ArticlePositions original =
        revision(
            1_000, "Kremlin talks", russiaOnTerritory(-1, 0.8, "Moscow may give up its claim."));
    ArticlePositions edited =
        revision(
            2_000,
            "Kremlin talks (updated)",
            russiaOnTerritory(2, 0.8, "Moscow demands all of Donbas."));
    positions.pipeInput("a", original);
    positions.pipeInput("a", edited);
    PositionState afterEdit = states.readValuesToList().get(1);
    assertEquals(2, afterEdit.getStance());
    changes.readValuesToList();

    positions.pipeInput("a", original);

    assertTrue(changes.isEmpty(), "the older revision arrived last and changed nothing");
    assertTrue(states.isEmpty());
    positions.pipeInput("a", edited);
    assertTrue(
        changes.isEmpty(), "and the store still holds the edit: sending it again is a duplicate");
  }

  @Test
  void aReExtractionOfTheSameRevisionReplacesTheEarlierOne() {
    positions.pipeInput(
        "a",
        revision(
            1_000, "Kremlin talks", russiaOnTerritory(-1, 0.8, "Moscow may give up its claim.")));
    positions.pipeInput(
        "a",
        revision(
            1_000, "Kremlin talks", russiaOnTerritory(2, 0.8, "Moscow may give up its claim.")));
    List<PositionState> written = states.readValuesToList();
    assertEquals(
        2, written.get(written.size() - 1).getStance(), "new rules on the same version apply");
  }

  @Test
  void anArticlePushedAgainWithoutAPublicationTimeKeepsItsFirstEstimateAndChangesNothing() {
    Position demand = russiaOnTerritory(2, 0.8, "Moscow demands all of Donbas.");
    positions.pipeInput("a", estimated(revision(1_000, "Kremlin talks", demand), 100));
    PositionState first = states.readValuesToList().get(0);
    changes.readValuesToList();

    positions.pipeInput("a", estimated(revision(2_000, "Kremlin talks", demand), 500));
    positions.pipeInput("a", estimated(revision(3_000, "Kremlin talks", demand), 900));

    assertTrue(changes.isEmpty(), "a re-push dated later by its ingestion changed nothing");
    assertTrue(states.isEmpty());
    assertEquals(Instant.ofEpochSecond(100), first.getSince());

    positions.pipeInput(
        "a",
        ArticlePositions.newBuilder(revision(4_000, "Kremlin talks", demand))
            .setPublishedAt(Instant.ofEpochSecond(50))
            .build());
    assertEquals(
        Instant.ofEpochSecond(50),
        changes.readValuesToList().get(0).getAfter().getEvidence().get(0).getPublishedAt(),
        "a time the feed gives replaces the estimate");
  }

  @Test
  void anEstimateNeverReplacesATimeTheFeedGave() {
    Position demand = russiaOnTerritory(2, 0.8, "Moscow demands all of Donbas.");
    positions.pipeInput("a", revision(1_000, "Kremlin talks", demand));
    changes.readValuesToList();

    positions.pipeInput("a", estimated(revision(2_000, "Kremlin talks", demand), 500));

    assertTrue(changes.isEmpty(), "the feed's time (100) stays over the estimate (500)");
  }

  @Test
  void aSixHundredKilobyteHeadlineAndSentenceMakeAChangeWellUnderKafkasLimit() {
    String headline = "Kremlin ".repeat(75_000);
    positions.pipeInput(
        "huge",
        revision(
            1_000,
            headline,
            position(
                "russia",
                "territory",
                2,
                0.8,
                "Moscow demands all of Donbas " + "and more ".repeat(70_000))));

    TestRecord<String, PositionChange> record = changes.readRecord();
    assertEquals(TERRITORY, record.key());
    PositionChange change = record.value();
    int bytes =
        Topics.POSITION_CHANGES
            .valueSerde(registry)
            .serializer()
            .serialize(Topics.POSITION_CHANGES.name(), change)
            .length;
    assertTrue(
        bytes < SizeLimitedSerializer.MAX_VALUE_BYTES / 10, "a change of " + bytes + " bytes");
    assertFalse(states.isEmpty(), "the state was written too");
    assertTrue(
        bytes > TextBounds.MAX_HEADLINE_CHARS, "the clipped headline and sentence are still there");
  }

  private void send(ArticlePositions article) {
    positions.pipeInput(article.getArticleId(), article);
  }

  /** Article a (tass, second 100) and b (ria, second 150), both for Russia's claim on territory. */
  private void sendTwoAgreeingArticles() {
    send(article("a", "tass", 100, russiaOnTerritory(2, 0.9, "Moscow demands Donbas.")));
    send(article("b", "ria", 150, russiaOnTerritory(2, 0.7, "The Kremlin wants Donbas.")));
  }

  private Map<String, PositionState> latestStates() {
    return states.readKeyValuesToMap();
  }

  private static ArticlePositions article(
      String id, String source, long publishedSecond, Position... found) {
    return article(id, source, publishedSecond, List.of(), found);
  }

  private static ArticlePositions article(
      String id,
      String source,
      long publishedSecond,
      List<Integer> fingerprint,
      Position... found) {
    return ArticlePositions.newBuilder()
        .setArticleId(id)
        .setSource(source)
        .setHeadline("h " + id)
        .setPublishedAt(Instant.ofEpochSecond(publishedSecond))
        .setNegotiation("ukraine-peace")
        .setOntologyVersion("1")
        .setExtractorVersion("test")
        .setFingerprint(fingerprint)
        .setPositions(Arrays.asList(found))
        .build();
  }

  /** Version {@code revision} of article "a", as the extractor passes Article.revision on. */
  private static ArticlePositions revision(long revision, String headline, Position... found) {
    return ArticlePositions.newBuilder()
        .setArticleId("a")
        .setSource("tass")
        .setUrl(null)
        .setHeadline(headline)
        .setPublishedAt(Instant.ofEpochSecond(100))
        .setNegotiation("ukraine-peace")
        .setOntologyVersion("t")
        .setExtractorVersion("t")
        .setArticleRevision(revision)
        .setPositions(List.of(found))
        .build();
  }

  /** The same, dated by its ingestion at {@code second} as the feed gave no time. */
  private static ArticlePositions estimated(ArticlePositions article, long second) {
    return ArticlePositions.newBuilder(article)
        .setPublishedAt(Instant.ofEpochSecond(second))
        .setPublishedAtEstimated(true)
        .build();
  }

  private static long day(int n) {
    return 1_700_000_000L + n * 86_400L;
  }

  private static List<Integer> fingerprint(int seed) {
    return new Random(seed).ints(64).boxed().toList();
  }

  /** The same story with {@code changed} of its 64 values different, as an edited copy has. */
  private static List<Integer> nearCopy(List<Integer> original, int changed) {
    List<Integer> copy = new ArrayList<>(original);
    for (int i = 0; i < changed; i++) {
      copy.set(i, copy.get(i) + 1);
    }
    return copy;
  }

  /** Russia's stance on territory, the key {@link #TERRITORY}. */
  private static Position russiaOnTerritory(int stance, double confidence, String sentence) {
    return position("russia", "territory", stance, confidence, sentence);
  }

  private static Position position(
      String actor, String issue, int stance, double confidence, String sentence) {
    return Position.newBuilder()
        .setActor(actor)
        .setIssue(issue)
        .setStance(stance)
        .setConfidence(confidence)
        .setEvidence(new Evidence(sentence, 0, sentence.length()))
        .build();
  }
}
