package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.PositionContribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The copy index finds exactly the articles a comparison with every indexed article finds (those
 * that share a band, were published within a copy window and agree on half their fingerprint),
 * whatever the order of arrival, with revisions that move an article to another day, and whether
 * its days were held in memory, dropped past the bound on what is held and read again, or read by
 * an index started afresh.
 */
class CopyIndexTest {

  private static final long DAY_MILLIS = CopyIndex.DAY.toMillis();
  private static final Instant START = Instant.parse("2025-11-03T00:00:00Z");
  private static final int KEPT = 60;

  @Test
  void findsWhatComparingWithEveryIndexedArticleFinds() {
    Random random = new Random(13);
    KeyValueStore<String, byte[]> store = store();
    CopyIndex index = new CopyIndex(store, KEPT);
    Map<String, PositionContribution> indexed = new HashMap<>();
    List<PositionContribution> stories = new ArrayList<>();
    int withCopies = 0;
    int revisions = 0;
    for (int i = 0; i < 1_500; i++) {
      PositionContribution arriving;
      double dice = random.nextDouble();
      if (dice < 0.05 && !stories.isEmpty()) {
        // a revision of a story's first article: published days later, or with other text; copies
        // of the story keep arriving around its first time
        PositionContribution earlier =
            indexed.get(stories.get(random.nextInt(stories.size())).getArticleId());
        revisions++;
        arriving =
            random.nextBoolean()
                ? article(
                    earlier.getArticleId(),
                    earlier.getPublishedAt().plusMillis((3 + random.nextInt(3)) * DAY_MILLIS),
                    earlier.getFingerprint())
                : article(
                    earlier.getArticleId(), earlier.getPublishedAt(), changed(earlier, random));
      } else if (dice < 0.5 && !stories.isEmpty()) {
        // a copy of a story, often near a day's end, sometimes beyond the window
        PositionContribution story = stories.get(random.nextInt(stories.size()));
        long offset = (long) (random.nextGaussian() * DAY_MILLIS * 0.8);
        arriving =
            article("a" + i, story.getPublishedAt().plusMillis(offset), changed(story, random));
      } else {
        arriving = article("a" + i, at(random), random.ints(64).boxed().toList());
        stories.add(arriving);
      }
      if (i == 700) {
        index = new CopyIndex(store, KEPT); // a task initialised again: nothing held in memory
      }
      indexed.put(arriving.getArticleId(), arriving);
      Set<String> found = index.copiesOf(arriving);
      assertEquals(
          expected(arriving, indexed.values()), new TreeSet<>(found), arriving.getArticleId());
      withCopies += found.isEmpty() ? 0 : 1;
      // past the bound, only the three days an arrival reads stay (with the entries revisions
      // left behind in them)
      long day = CopyIndex.dayOf(arriving.getPublishedAt().toEpochMilli());
      long aroundIt =
          indexed.values().stream()
              .filter(a -> Math.abs(CopyIndex.dayOf(a.getPublishedAt().toEpochMilli()) - day) <= 1)
              .count();
      assertTrue(
          index.heldArticles() <= KEPT + aroundIt + revisions,
          index.heldArticles() + " held, " + aroundIt + " in the three days around " + day);
    }
    assertTrue(withCopies > 300, "many arrivals have copies: " + withCopies);
  }

  @Test
  void theThreeDaysAroundAnArticleHoldEveryArticleWithinACopyWindowOfIt() {
    Random random = new Random(5);
    for (int i = 0; i < 10_000; i++) {
      long at = random.nextLong(-10 * DAY_MILLIS, 1_000 * DAY_MILLIS);
      long offset = random.nextLong(-DAY_MILLIS, DAY_MILLIS + 1);
      if (i % 3 == 0) {
        offset = random.nextBoolean() ? DAY_MILLIS : -DAY_MILLIS; // the edges of the window
      }
      long distance = CopyIndex.dayOf(at + offset) - CopyIndex.dayOf(at);
      assertTrue(Math.abs(distance) <= 1, at + " and " + offset + " ms later: " + distance);
    }
    assertTrue(CopyIndex.dayOf(-1) < 0, "times before 1970");
  }

  private static Set<String> expected(
      PositionContribution arriving, Collection<PositionContribution> indexed) {
    Set<Long> bands = new HashSet<>();
    Arrays.stream(StoryClusters.bands(arriving.getFingerprint())).forEach(bands::add);
    Set<String> copies = new TreeSet<>();
    for (PositionContribution other : indexed) {
      boolean sharesABand =
          Arrays.stream(StoryClusters.bands(other.getFingerprint())).anyMatch(bands::contains);
      if (!other.getArticleId().equals(arriving.getArticleId())
          && sharesABand
          && StoryClusters.nearCopies(arriving, other)) {
        copies.add(other.getArticleId());
      }
    }
    return copies;
  }

  /** The fingerprint with a few of its values changed: most stay a near-copy, some do not. */
  private static List<Integer> changed(PositionContribution of, Random random) {
    List<Integer> values = new ArrayList<>(of.getFingerprint());
    for (int n = random.nextInt(40); n > 0; n--) {
      values.set(random.nextInt(values.size()), random.nextInt());
    }
    return values;
  }

  private static Instant at(Random random) {
    return START.plusMillis(random.nextLong(12 * DAY_MILLIS));
  }

  private static PositionContribution article(
      String id, Instant publishedAt, List<Integer> fingerprint) {
    return PositionContribution.newBuilder()
        .setArticleId(id)
        .setSource("outlet")
        .setPublishedAt(publishedAt)
        .setNegotiation("ukraine-peace")
        .setActor("russia")
        .setIssue("territory")
        .setStance(1)
        .setFingerprint(fingerprint)
        .build();
  }

  private static KeyValueStore<String, byte[]> store() {
    KeyValueStore<String, byte[]> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("copies"), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }
}
