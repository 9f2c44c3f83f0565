package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.PositionContribution;
import dev.parley.common.TestDrivers;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend's reference, the stance turn at or before a time two weeks back, comes from the run of
 * turns held for the track: the same turn as read from the store while articles come and go around
 * it, and without a store read at each update while the time moves forward with the news.
 */
class TurnRunTest {

  private static final String REGISTRY = "mock://turn-run-test";
  private static final String POSITION = "ukraine-peace/russia/territory";
  private static final long HOUR = 3_600L;
  private static final long START = 1_700_000_000L;

  @TempDir Path stateDir;

  private final Random random = new Random(11);
  private final Track track = Track.of(POSITION, true);
  private final CountingStores counting = new CountingStores();
  private final List<PositionContribution> stated = new ArrayList<>();
  private TopologyTestDriver driver;
  private PositionTimeline timeline;

  @BeforeEach
  void start() {
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(REGISTRY);
    Properties properties = TestDrivers.properties("aggregator", stateDir, REGISTRY);
    properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    driver =
        new TopologyTestDriver(
            AggregatorTopology.buildTopology(registry, counting::supplier), properties);
    timeline =
        new PositionTimeline(
            track,
            new PositionStores(
                driver.getKeyValueStore(PositionStores.CONTRIBUTIONS),
                driver.getKeyValueStore(PositionStores.TURNS),
                driver.getKeyValueStore(PositionStores.TALLIES),
                driver.getKeyValueStore(PositionStores.STORIES),
                driver.getKeyValueStore(PositionStores.INDEX),
                driver.getKeyValueStore(PositionStores.BANDS)));
  }

  @AfterEach
  void stop() {
    driver.close();
    SchemaRegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void theHeldTurnIsTheOneInTheStoreWhileArticlesComeAndGoAroundIt() {
    TimelineWindow window = new TimelineWindow();
    for (int i = 0; i < 400; i++) {
      add(START + i * HOUR, window);
    }
    long cutoff = START;
    for (int step = 0; step < 1_000; step++) {
      double dice = random.nextDouble();
      if (dice < 0.15) {
        add(cutoff + (random.nextInt(11) - 5) * HOUR + random.nextInt(600), window);
      } else if (dice < 0.25) {
        timeline.remove(stated.remove(nearest(cutoff)), window);
      }
      // mostly forward, as the news moves; now and then back, as when the latest article goes
      cutoff += random.nextDouble() < 0.05 ? -20 * HOUR : random.nextInt(90) * 60L;
      Instant at = Instant.ofEpochSecond(cutoff);
      assertEquals(
          timeline.stanceTurnUpTo(at, new TurnRun()),
          timeline.stanceTurnUpTo(at, window.stanceTurns()),
          "step " + step);
      assertTrue(window.stanceTurns().size() <= TurnRun.MAX_HELD);
    }
  }

  @Test
  void aReferenceMovingForwardSeeksTheStoreOnlyToReadAhead() {
    TimelineWindow window = new TimelineWindow();
    for (int i = 0; i < 2_000; i++) {
      add(START + i * HOUR, window);
    }
    // from before the track's first article (its first turn is the reference) to well inside
    int lookups = 1_500;
    long before = counting.seeks();
    for (int i = 0; i < lookups; i++) {
      timeline.stanceTurnUpTo(reference(i), window.stanceTurns());
    }
    double held = (counting.seeks() - before) / (double) lookups;
    before = counting.seeks();
    for (int i = 0; i < lookups; i++) {
      timeline.stanceTurnUpTo(reference(i), new TurnRun());
    }
    double read = (counting.seeks() - before) / (double) lookups;
    System.out.printf(
        "store seeks per trend reference: %.3f from the held run, %.3f read each time%n",
        held, read);
    assertTrue(read >= 1, "each read seeks: " + read);
    assertTrue(held < 0.05, "seeks per reference from the run: " + held);
  }

  private static Instant reference(int lookup) {
    return Instant.ofEpochSecond(START + (lookup - 300) * HOUR + 1);
  }

  /** Stances that turn at about every other article, as for a position in dispute. */
  private void add(long second, TimelineWindow window) {
    String id = "a" + stated.size() + "-" + second;
    PositionContribution c =
        PositionContribution.newBuilder()
            .setArticleId(id)
            .setSource("outlet" + random.nextInt(5))
            .setUrl("https://example.org/" + id)
            .setHeadline("h " + id)
            .setPublishedAt(Instant.ofEpochSecond(second))
            .setNegotiation("ukraine-peace")
            .setActor("russia")
            .setIssue("territory")
            .setStance(random.nextBoolean() ? 1 + random.nextInt(2) : -1 - random.nextInt(2))
            .setConfidence(0.8)
            .setConfirmed(true)
            .setSentence("Said " + id + ".")
            .setFingerprint(List.of())
            .build();
    stated.add(c);
    timeline.add(c, window);
  }

  private int nearest(long second) {
    int nearest = 0;
    for (int i = 1; i < stated.size(); i++) {
      if (distance(stated.get(i), second) < distance(stated.get(nearest), second)) {
        nearest = i;
      }
    }
    return nearest;
  }

  private static long distance(PositionContribution c, long second) {
    return Math.abs(c.getPublishedAt().getEpochSecond() - second);
  }
}
