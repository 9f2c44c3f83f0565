package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * The newest stories of each side, held for a track, answer as the index does while stories come
 * and go on both sides and the dispute check's start moves forward with the news; the index is read
 * again only now and then.
 */
class StoriesBySideTest {

  private final Random random = new Random(5);

  /** The index of one track: each side's entries, key to story, as the store keeps them. */
  private final List<TreeMap<String, String>> index = List.of(new TreeMap<>(), new TreeMap<>());

  @Test
  void theHeldStoriesAreTheIndexsWhileStoriesComeAndGo() {
    StoriesBySide held = new StoriesBySide();
    int asked = 0;
    int read = 0;
    long start = 0;
    for (int step = 0; step < 5_000; step++) {
      int sign = random.nextBoolean() ? 1 : -1;
      double dice = random.nextDouble();
      TreeMap<String, String> side = side(sign);
      if (dice < 0.5) {
        String key = key(start + random.nextInt(400) - 50, step);
        String story = "s" + step;
        side.put(key, story);
        held.written(sign, key, story);
      } else if (dice < 0.7 && !side.isEmpty()) {
        String key = random.nextBoolean() ? side.lastKey() : side.ceilingKey(key(start, 0));
        if (key != null) {
          side.remove(key);
          held.deleted(sign, key);
        }
      }
      // mostly forward, as the news moves; now and then back, as when the latest article goes
      start += random.nextDouble() < 0.03 ? -60 : random.nextInt(3);
      String from = key(start, 0);
      Optional<List<String>> answered = held.since(sign, from);
      asked++;
      if (answered.isEmpty()) {
        read++;
        List<KeyValue<String, String>> newestFirst = new ArrayList<>();
        side.tailMap(from, true).descendingMap().entrySet().stream()
            .limit(StoriesBySide.ASKED)
            .forEach(entry -> newestFirst.add(KeyValue.pair(entry.getKey(), entry.getValue())));
        held.read(sign, from, newestFirst);
        answered = held.since(sign, from);
      }
      assertEquals(newest(side, from), answered.orElseThrow(), "step " + step);
      assertTrue(held.size() <= 2 * StoriesBySide.ASKED);
    }
    assertTrue(read < asked / 5, "read " + read + " of " + asked);
  }

  private TreeMap<String, String> side(int sign) {
    return index.get(sign > 0 ? 1 : 0);
  }

  private static List<String> newest(TreeMap<String, String> side, String from) {
    return side.tailMap(from, true).descendingMap().values().stream()
        .limit(StoriesBySide.ASKED)
        .toList();
  }

  /** Keys ordered by time, then story, as the index's are. */
  private static String key(long time, int story) {
    return String.format("d|%08d|%05d", time + 1_000_000, story);
  }
}
