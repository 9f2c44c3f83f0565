package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds an arriving article's near-copies among the articles of this task, whichever positions they
 * state. The store keeps each article's time and fingerprint ({@link PackedFingerprint}) twice: by
 * article ({@code a|<article>}), and by day of publication ({@code d|<day>|<article>}), so that a
 * day's articles are one prefix read. The band index that finds candidates is built in memory from
 * those days ({@link CopyDay}): a copy was published within a day of the article, so the three days
 * around it hold every candidate, and news arriving as it is published keeps reading the same few
 * days. Each new article thus costs one read and two writes, where an index of bands in the store
 * cost a read and a write per band (sixteen).
 *
 * <p>The days in memory are a cache of the store: a task that is (re)initialised, its stores
 * restored or rolled back by an aborted transaction, starts with none. An article stays indexed
 * when it leaves a position, as it may state others here; the check that a copy states the position
 * leaves it out of those it left. A new revision that changes its text or time moves it. An
 * article's contributions to the positions of one task come one after another: the first finds its
 * copies, the others reuse what it found.
 */
final class CopyIndex {

  /**
   * The span of one {@link CopyDay}: the copy window, so three of them hold an article's copies.
   */
  static final Duration DAY = StoryClusters.COPY_WINDOW;

  /**
   * Articles kept in memory across the days held, beyond the three an arrival reads (under a
   * kilobyte each): past it the least recently read days are dropped, and read again when needed.
   * Enough for a fortnight at a few thousand articles a day, so that articles published days late
   * find their days still held: with 20,000 a benchmark whose articles are 5% up to five days late
   * spent a twelfth of the aggregator's time reading days again.
   */
  static final int KEPT_ARTICLES = 40_000;

  private final KeyValueStore<String, byte[]> store;
  private final int keptArticles;
  private final LinkedHashMap<Long, CopyDay> days = new LinkedHashMap<>(16, 0.75f, true);
  private int heldArticles;
  private Found last;

  /** The copies found for an article; they stand until another article is looked up. */
  private record Found(String articleId, byte[] packed, Set<String> copies) {}

  CopyIndex(KeyValueStore<String, byte[]> store) {
    this(store, KEPT_ARTICLES);
  }

  CopyIndex(KeyValueStore<String, byte[]> store, int keptArticles) {
    this.store = store;
    this.keptArticles = keptArticles;
  }

  /**
   * The articles published within a copy window of the contribution's article that are near-copies
   * of it; indexes the article first if it is new here or changed.
   */
  Set<String> copiesOf(PositionContribution c) {
    String id = c.getArticleId();
    byte[] packed = PackedFingerprint.of(c.getPublishedAt(), c.getFingerprint());
    if (last != null && last.articleId().equals(id) && Arrays.equals(last.packed(), packed)) {
      return last.copies();
    }
    long[] bands = PackedFingerprint.bands(packed);
    long day = dayOf(c.getPublishedAt().toEpochMilli());
    CopyDay own = day(day);
    byte[] held = store.get(articleKey(id));
    if (!Arrays.equals(held, packed)) {
      if (held != null) {
        unindex(id, held);
      }
      store.put(articleKey(id), packed);
      store.put(dayKey(day, id), packed);
      int before = own.size();
      own.add(id, packed, bands);
      heldArticles += own.size() - before;
    }
    Set<String> copies = new HashSet<>();
    // a copy shares most bands: compare each article once
    Set<String> compared = new HashSet<>(Set.of(id));
    long publishedMillis = c.getPublishedAt().toEpochMilli();
    for (long d = day - 1; d <= day + 1; d++) {
      day(d)
          .forEachSharing(
              bands,
              (other, fingerprint) -> {
                if (compared.add(other)
                    && StoryClusters.withinCopyWindow(
                        PackedFingerprint.publishedAt(fingerprint).toEpochMilli(), publishedMillis)
                    && PackedFingerprint.sameStory(packed, fingerprint)) {
                  copies.add(other);
                }
              });
    }
    keepAtMost(day);
    last = new Found(id, packed, Collections.unmodifiableSet(copies));
    return copies;
  }

  /** Articles held in memory, with those taken out since their day was read. */
  int heldArticles() {
    return heldArticles;
  }

  private void unindex(String id, byte[] held) {
    long day = dayOf(PackedFingerprint.publishedAt(held).toEpochMilli());
    store.delete(dayKey(day, id));
    CopyDay loaded = days.get(day);
    if (loaded != null) {
      loaded.remove(id);
    }
  }

  /** The day's articles, read from the store unless held. */
  private CopyDay day(long day) {
    CopyDay held = days.get(day);
    if (held != null) {
      return held;
    }
    CopyDay loaded = new CopyDay();
    String prefix = dayPrefix(day);
    try (KeyValueIterator<String, byte[]> articles =
        store.prefixScan(prefix, new StringSerializer())) {
      while (articles.hasNext()) {
        KeyValue<String, byte[]> article = articles.next();
        loaded.add(
            article.key.substring(prefix.length()),
            article.value,
            PackedFingerprint.bands(article.value));
      }
    }
    days.put(day, loaded);
    heldArticles += loaded.size();
    return loaded;
  }

  /** Drops the least recently read days past {@link #keptArticles}, never the arrival's three. */
  private void keepAtMost(long day) {
    Iterator<Map.Entry<Long, CopyDay>> oldestFirst = days.entrySet().iterator();
    while (heldArticles > keptArticles && oldestFirst.hasNext()) {
      Map.Entry<Long, CopyDay> entry = oldestFirst.next();
      if (Math.abs(entry.getKey() - day) > 1) {
        heldArticles -= entry.getValue().size();
        oldestFirst.remove();
      }
    }
  }

  static long dayOf(long publishedMillis) {
    return Math.floorDiv(publishedMillis, DAY.toMillis());
  }

  private static String articleKey(String articleId) {
    return "a|" + articleId;
  }

  private static String dayPrefix(long day) {
    return "d|" + Long.toHexString(day) + "|";
  }

  private static String dayKey(long day, String articleId) {
    return dayPrefix(day) + articleId;
  }
}
