package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A band's bucket keeps its articles once each, in time order, whatever the order they came in. */
class BandBucketTest {

  @Test
  void membersAreKeptOnceInTimeOrderWhateverTheOrderTheyCameIn() {
    List<BandBucket.Member> members =
        List.of(
            new BandBucket.Member(-5, "before-1970"),
            new BandBucket.Member(10, "a"),
            new BandBucket.Member(10, "b"),
            new BandBucket.Member(20, "Kyiv \u2014 \u00e9"));
    Random random = new Random(3);
    byte[] first = null;
    for (int run = 0; run < 20; run++) {
      List<BandBucket.Member> arrivals = new ArrayList<>(members);
      arrivals.addAll(members.subList(0, random.nextInt(members.size()))); // duplicates
      Collections.shuffle(arrivals, random);
      byte[] bucket = null;
      for (BandBucket.Member m : arrivals) {
        bucket = BandBucket.with(bucket, m);
      }
      assertEquals(members, BandBucket.members(bucket));
      if (first == null) {
        first = bucket;
      }
      assertArrayEquals(first, bucket, "the same members make the same bytes");
    }
    byte[] bucket = first;
    assertSame(bucket, BandBucket.with(bucket, members.get(1)), "a member already there");
    byte[] rest = BandBucket.without(bucket, members.get(1));
    assertEquals(List.of(members.get(0), members.get(2), members.get(3)), BandBucket.members(rest));
    for (BandBucket.Member m : List.of(members.get(0), members.get(2), members.get(3))) {
      rest = BandBucket.without(rest, m);
    }
    assertNull(rest, "an empty bucket is deleted");
    assertEquals(List.of(), BandBucket.members(null));
  }

  @Test
  void theSpansAroundAnArticleHoldEveryArticleWithinACopyWindowOfIt() {
    long window = StoryClusters.COPY_WINDOW.toMillis();
    Random random = new Random(5);
    int oneSpan = 0;
    for (int i = 0; i < 10_000; i++) {
      Instant at = Instant.ofEpochMilli(random.nextLong(-10 * window, 1_000 * window));
      long offset = random.nextLong(-window, window + 1);
      if (i % 3 == 0) {
        offset = random.nextBoolean() ? window : -window; // the edges of the window
      }
      long first = BandBucket.firstSpanAround(at);
      long last = BandBucket.lastSpanAround(at);
      long span = BandBucket.spanOf(at.plusMillis(offset));
      assertTrue(
          first <= span && span <= last && last - first <= 1,
          at
              + " and "
              + Duration.ofMillis(offset)
              + " later: span "
              + span
              + " of "
              + first
              + ".."
              + last);
      oneSpan += first == last ? 1 : 0;
    }
    assertTrue(oneSpan > 7_000, "most articles read one span per band: " + oneSpan);
    assertTrue(BandBucket.spanOf(Instant.EPOCH.minusMillis(1)) < 0, "times before 1970");
  }
}
