package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.ArticlePositions;
import dev.parley.avro.Evidence;
import dev.parley.avro.Position;
import dev.parley.avro.PositionState;
import dev.parley.common.TestDrivers;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The position state is kept up to date by each change alone: the store reads of an update do not
 * grow with the position's history, and stories that merge and split through arrivals and
 * retractions, in any order, end in the state of a plain run.
 */
class IncrementalStateTest {

  private static final String REGISTRY = "mock://incremental-state-test";
  private static final String POSITION = "ukraine-peace/russia/territory";
  private static final long DAY = 86_400L;
  private static final long ARTICLES_PER_DAY = 100;
  private static final double QUOTED = 0.45;
  private static final List<Integer> STATEMENT = new Random(7).ints(64).boxed().toList();

  @TempDir Path stateDir;

  private final List<TopologyTestDriver> drivers = new ArrayList<>();

  @AfterEach
  void stop() {
    drivers.forEach(TopologyTestDriver::close);
    SchemaRegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void storeReadsPerUpdateDoNotGrowWithHistory() {
    double after100 = readsPerUpdate(100);
    double after10k = readsPerUpdate(10_000);
    System.out.printf(
        "store reads per update: %.1f with 100 contributions, %.1f with 10,000%n",
        after100, after10k);
    assertTrue(after100 > 0, "the counting stores see the reads");
    assertTrue(
        after10k <= after100 * 1.1,
        "reads per update grew with history: " + after100 + " -> " + after10k);
  }

  /**
   * Eight feeds pushing batches of 50 articles at once deliver each article up to 350 places away
   * from its place in published time: its neighbours in time are held in memory, as live news's
   * are, and it costs hardly more reads than an article that comes in order (two and a half more
   * when only the newest article of each track was held).
   */
  @Test
  void articlesFromFeedsPushingAtOnceReadNoMoreThanArticlesInOrder() {
    int articles = 2_000;
    List<Integer> interleaved = new ArrayList<>();
    for (int round = 0; round < articles; round += 400) {
      for (int place = 0; place < 50; place++) {
        for (int feed = 0; feed < 8; feed++) {
          interleaved.add(round + feed * 50 + place);
        }
      }
    }
    double ordered = readsPerArticle("ordered", inPublishedOrder(articles));
    double fromFeeds = readsPerArticle("feeds", interleaved);
    System.out.printf(
        "store reads per article: %.2f in published order, %.2f from eight feeds at once%n",
        ordered, fromFeeds);
    assertTrue(
        fromFeeds <= ordered + 0.5,
        "articles out of order read more: " + ordered + " -> " + fromFeeds);
  }

  /**
   * The diff step marks the contributions of an article it had never seen, so the state step does
   * not look for an earlier one: 2.4 reads per article here, 3.4 when it looked.
   */
  @Test
  void anArticleSeenForTheFirstTimeReadsNoEarlierContribution() {
    double ordered = readsPerArticle("first", inPublishedOrder(2_000));
    System.out.printf("store reads per new article: %.2f%n", ordered);
    assertTrue(ordered <= 2.9, "a new article's update reads " + ordered + " entries");
  }

  private static List<Integer> inPublishedOrder(int articles) {
    List<Integer> inOrder = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      inOrder.add(i);
    }
    return inOrder;
  }

  /** Store reads per article over the second half of the articles, sent in {@code order}. */
  private double readsPerArticle(String name, List<Integer> order) {
    CountingStores stores = new CountingStores();
    Pipeline pipeline = new Pipeline(name, stores);
    Random random = new Random(3);
    long before = 0;
    for (int sent = 0; sent < order.size(); sent++) {
      if (sent == order.size() / 2) {
        before = stores.reads();
      }
      int i = order.get(sent);
      pipeline.send(
          article("f" + i, "outlet" + random.nextInt(40), publishedAt(i), fingerprint(i), random));
    }
    return (stores.reads() - before) / (order.size() - order.size() / 2.0);
  }

  @Test
  void storiesMergedAndSplitInAnyOrderEndInThePlainRunsState() {
    Random random = new Random(11);
    List<ArticlePositions> kept = new ArrayList<>();
    List<ArticlePositions> bridges = new ArrayList<>();
    for (int story = 0; story < 6; story++) {
      List<Integer> original = random.ints(64).boxed().toList();
      List<Integer> bridge = changed(original, 0, 24);
      List<Integer> far = changed(bridge, 24, 48); // a near-copy of the bridge only
      // one day, each article at a random second of its first hour: copies run within the window
      long day = random.nextInt(30);
      kept.add(article("s" + story + "-wire", "ap", day, original, random));
      kept.add(article("s" + story + "-far", "outlet" + random.nextInt(5), day, far, random));
      kept.add(
          article(
              "s" + story + "-copy",
              "outlet" + random.nextInt(5),
              day,
              changed(original, 40, 50),
              random));
      bridges.add(
          article("s" + story + "-bridge", "outlet" + random.nextInt(5), day, bridge, random));
    }
    for (int i = 0; i < 10; i++) {
      kept.add(
          article(
              "own" + i,
              "outlet" + i,
              random.nextInt(30),
              random.ints(64).boxed().toList(),
              random));
    }
    Pipeline plain = new Pipeline("plain");
    kept.forEach(plain::send);

    Pipeline shuffled = new Pipeline("shuffled");
    List<ArticlePositions> arrivals = new ArrayList<>(kept);
    arrivals.addAll(bridges);
    arrivals.addAll(kept.subList(0, 8));
    Collections.shuffle(arrivals, random);
    arrivals.forEach(shuffled::send);
    PositionState bridged = shuffled.state().get(POSITION);
    bridges.forEach(b -> shuffled.retract(b.getArticleId()));

    PositionState expected = plain.state().get(POSITION);
    assertTrue(bridged.getIndependentSources() <= expected.getIndependentSources());
    assertTrue(
        expected.getEvidence().stream().anyMatch(s -> !s.getStory().equals(s.getArticleId())),
        "some copies remain");
    assertEquals(expected, shuffled.state().get(POSITION), "field by field");
  }

  /**
   * Store reads per update of a position whose history arrived at {@link #ARTICLES_PER_DAY}, with
   * the probes published after its end, as news arrives, over eight days: the copy index reads each
   * new day once.
   */
  private double readsPerUpdate(int history) {
    CountingStores stores = new CountingStores();
    Pipeline pipeline = new Pipeline("history-" + history, stores);
    Random random = new Random(3);
    for (int i = 0; i < history; i++) {
      pipeline.send(
          article("h" + i, "outlet" + random.nextInt(40), publishedAt(i), fingerprint(i), random));
    }
    Random probes = new Random(5);
    long before = stores.reads();
    int updates = 0;
    for (int i = 0; i < 50; i++, updates++) {
      pipeline.send(
          article(
              "probe" + i,
              "outlet" + probes.nextInt(40),
              publishedAt(history).plus(Duration.ofDays(8).multipliedBy(i).dividedBy(50)),
              fingerprint(history + i),
              probes));
    }
    for (int i = 0; i < 20; i++, updates++) {
      pipeline.retract("h" + (i * 3));
    }
    return (stores.reads() - before) / (double) updates;
  }

  private static Instant publishedAt(int i) {
    return Instant.ofEpochSecond(1_700_000_000L + i * DAY / ARTICLES_PER_DAY);
  }

  /**
   * Articles of one position quote the same statement, so each fingerprint value is the statement's
   * with a chance of {@link #QUOTED}, and any two articles agree on about a third of their values;
   * every fifth article is a near-copy of the one before it.
   */
  private static List<Integer> fingerprint(int i) {
    Random own = new Random(i % 5 == 4 ? i - 1 : i);
    List<Integer> values = new ArrayList<>();
    for (int k = 0; k < 64; k++) {
      int value = own.nextInt();
      values.add(own.nextDouble() < QUOTED ? STATEMENT.get(k) : value);
    }
    return i % 5 == 4 ? changed(values, 0, 10) : values;
  }

  private static List<Integer> changed(List<Integer> values, int from, int to) {
    List<Integer> copy = new ArrayList<>(values);
    for (int i = from; i < to; i++) {
      copy.set(i, copy.get(i) ^ 0x5bd1e995);
    }
    return copy;
  }

  private static ArticlePositions article(
      String id, String source, long day, List<Integer> fingerprint, Random random) {
    return article(
        id,
        source,
        Instant.ofEpochSecond(1_700_000_000L + day * DAY + random.nextInt(3600)),
        fingerprint,
        random);
  }

  private static ArticlePositions article(
      String id, String source, Instant publishedAt, List<Integer> fingerprint, Random random) {
    int stance = random.nextBoolean() ? 1 + random.nextInt(2) : -1 - random.nextInt(2);
    double confidence = 0.5 + random.nextInt(5) / 10.0;
    Position position =
        Position.newBuilder()
            .setActor("russia")
            .setIssue("territory")
            .setStance(stance)
            .setConfidence(confidence)
            .setEvidence(new Evidence("Said " + id + ".", 0, 5))
            .build();
    return ArticlePositions.newBuilder()
        .setArticleId(id)
        .setSource(source)
        .setHeadline("h " + id)
        .setPublishedAt(publishedAt)
        .setNegotiation("ukraine-peace")
        .setOntologyVersion("1")
        .setExtractorVersion("test")
        .setFingerprint(fingerprint)
        .setPositions(List.of(position))
        .build();
  }

  /**
   * The fault tests' client sends again what got no answer and the pipeline redelivers after a
   * crash: `since` (when the current side began) comes from publication times alone, whatever the
   * order of arrival, repeats, or an article taken out and put back.
   */
  @Test
  void sinceIsTheSameForTheSameArticlesInAnyOrderRepeatedOrReAdded() {
    Random random = new Random(17);
    List<ArticlePositions> published = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      int side = i / 8 == 1 ? -1 : 1; // for, against, then for again
      published.add(
          withStance(
              article("a" + i, "outlet" + i % 5, i, random.ints(64).boxed().toList(), random),
              side * (1 + i % 2)));
    }
    Pipeline plain = new Pipeline("in-order");
    published.forEach(plain::send);

    Pipeline faulty = new Pipeline("reordered");
    List<ArticlePositions> arrivals = new ArrayList<>(published);
    Collections.shuffle(arrivals, random);
    arrivals.addAll(published.subList(14, 20)); // sent again after a crash
    arrivals.forEach(faulty::send);
    for (ArticlePositions again : List.of(published.get(16), published.get(3))) {
      faulty.retract(again.getArticleId());
      faulty.send(again);
    }

    PositionState expected = plain.state().get(POSITION);
    assertEquals(published.get(16).getPublishedAt(), expected.getSince(), "the last side began");
    assertEquals(expected, faulty.state().get(POSITION), "field by field");
  }

  /**
   * Most updates build the state after them from the state before (an article new to its track,
   * among its newest); whichever way an update takes, each state it sends is the one derived afresh
   * from the stores, field by field, through stories merging, articles arriving late, stances
   * turning, unconfirmed articles, re-extractions and retractions.
   */
  @Test
  void everyStateSentIsTheOneDerivedAfreshFromTheStores() {
    Random random = new Random(23);
    Pipeline pipeline = new Pipeline("afresh");
    PositionStateDeriver afresh = new PositionStateDeriver(pipeline.stores());
    List<ArticlePositions> sent = new ArrayList<>();
    java.util.Deque<List<Integer>> bridged = new java.util.ArrayDeque<>();
    int side = 1;
    int checked = 0;
    // the first article, of the other side, after the second; then a track on one side and older
    // articles of that side, which move back when the side began
    List<ArticlePositions> oneSide = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      long second = 1_699_900_000L + (i < 20 ? i : 20 - 2 * i) * 60L;
      oneSide.add(
          withStance(
              article("side" + i, "x", Instant.ofEpochSecond(second), STATEMENT, random),
              i == 0 ? -1 : 1 + i % 2));
    }
    Collections.swap(oneSide, 0, 1);
    // one of the other side published at the same second as the side's first article, after it by
    // id: it splits the side, which then begins at the next article
    long tie = 1_699_950_000L;
    oneSide.add(
        withStance(article("p", "x", Instant.ofEpochSecond(tie - 100), STATEMENT, random), -1));
    oneSide.add(withStance(article("r", "x", Instant.ofEpochSecond(tie), STATEMENT, random), 1));
    oneSide.add(
        withStance(article("t", "x", Instant.ofEpochSecond(tie + 100), STATEMENT, random), 1));
    oneSide.add(withStance(article("s", "x", Instant.ofEpochSecond(tie), STATEMENT, random), -1));
    for (ArticlePositions article : oneSide) {
      Map<String, PositionState> step = pipeline.send(article);
      assertEquals(
          afresh.derive(POSITION).orElseThrow(), step.get(POSITION), article.getArticleId());
    }
    for (int i = 0; i < 600; i++) {
      double dice = random.nextDouble();
      Map<String, PositionState> step;
      if (dice < 0.04 && !sent.isEmpty()) {
        step = pipeline.retract(sent.get(random.nextInt(sent.size())).getArticleId());
      } else if (dice < 0.08 && !sent.isEmpty()) {
        ArticlePositions again = sent.get(random.nextInt(sent.size()));
        step = pipeline.send(withStance(again, random.nextBoolean() ? 2 : -2));
      } else {
        // partitions interleave: an article arrives a few places out of published order
        long second =
            1_700_000_000L
                + (i + random.nextInt(9) - 4) * 900L
                + random.nextInt(900)
                - (random.nextDouble() < 0.1 ? 2 * DAY : 0);
        String id = "a" + i;
        if (random.nextDouble() < 0.05 && !sent.isEmpty()) {
          // a tie in time, which the article id orders: this one's before the other's
          second = sent.get(sent.size() - 1).getPublishedAt().getEpochSecond();
          id = "0" + i;
        }
        List<Integer> fingerprint = random.ints(64).boxed().toList();
        if (!bridged.isEmpty()) {
          fingerprint = bridged.remove();
        } else if (random.nextDouble() < 0.1) {
          // a copy of the next article, then one of both, which merges their stories into one
          bridged.add(changed(changed(fingerprint, 0, 24), 24, 48));
          bridged.add(changed(fingerprint, 0, 24));
        } else if (random.nextDouble() < 0.2 && !sent.isEmpty()) {
          fingerprint = changed(sent.get(sent.size() - 1).getFingerprint(), 0, 10);
        }
        ArticlePositions article =
            article(
                id,
                "outlet" + random.nextInt(8),
                Instant.ofEpochSecond(second),
                fingerprint,
                random);
        if (random.nextDouble() < 0.15) {
          side = -side; // runs of one side, so that when a side began is a question
        }
        article = withStance(article, side * (1 + random.nextInt(2)));
        if (random.nextDouble() < 0.15) {
          article = unconfirmed(article);
        }
        sent.add(article);
        step = pipeline.send(article);
      }
      for (Map.Entry<String, PositionState> state : step.entrySet()) {
        assertEquals(afresh.derive(state.getKey()).orElse(null), state.getValue(), "update " + i);
        checked++;
      }
    }
    assertTrue(checked > 400, "most updates change the state: " + checked);
  }

  private static ArticlePositions unconfirmed(ArticlePositions article) {
    Position position = article.getPositions().get(0);
    return ArticlePositions.newBuilder(article)
        .setPositions(List.of(Position.newBuilder(position).setConfirmed(false).build()))
        .build();
  }

  private static ArticlePositions withStance(ArticlePositions article, int stance) {
    Position position = article.getPositions().get(0);
    return ArticlePositions.newBuilder(article)
        .setPositions(List.of(Position.newBuilder(position).setStance(stance).build()))
        .build();
  }

  private final class Pipeline {

    private final TestInputTopic<String, ArticlePositions> positions;
    private final TestOutputTopic<String, PositionState> states;
    private final TopologyTestDriver driver;
    private final Map<String, PositionState> latest = new java.util.HashMap<>();

    Pipeline(String name) {
      this(name, null);
    }

    Pipeline(String name, CountingStores counting) {
      SchemaRegistryClient registry = SchemaRegistryClients.forUrl(REGISTRY);
      Properties properties =
          TestDrivers.properties("aggregator", stateDir.resolve(name), REGISTRY);
      properties.put(
          StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
          0); // every read reaches the counted stores
      driver =
          new TopologyTestDriver(
              counting == null
                  ? AggregatorTopology.buildTopology(registry)
                  : AggregatorTopology.buildTopology(registry, counting::supplier),
              properties);
      drivers.add(driver);
      positions = TestDrivers.input(driver, Topics.POSITIONS, registry);
      states = TestDrivers.output(driver, Topics.POSITION_STATE, registry);
    }

    /** The states the article's update sent. */
    Map<String, PositionState> send(ArticlePositions article) {
      positions.pipeInput(article.getArticleId(), article);
      return read();
    }

    Map<String, PositionState> retract(String articleId) {
      positions.pipeInput(articleId, null);
      return read();
    }

    private Map<String, PositionState> read() {
      Map<String, PositionState> sent = states.readKeyValuesToMap();
      latest.putAll(sent);
      return sent;
    }

    PositionStores stores() {
      return new PositionStores(
          driver.getKeyValueStore(PositionStores.CONTRIBUTIONS),
          driver.getKeyValueStore(PositionStores.TURNS),
          driver.getKeyValueStore(PositionStores.TALLIES),
          driver.getKeyValueStore(PositionStores.STORIES),
          driver.getKeyValueStore(PositionStores.INDEX),
          driver.getKeyValueStore(PositionStores.BANDS));
    }

    Map<String, PositionState> state() {
      return latest;
    }
  }
}
