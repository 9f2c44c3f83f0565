package dev.parley.aggregator;

import dev.parley.avro.PositionContribution;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds an arriving article's near-copies among the articles of this task, whichever positions they
 * state: each fingerprint band's articles by span of time ({@link BandBucket}), and each article's
 * time and fingerprint ({@link PackedFingerprint}), kept once per article rather than once per
 * position. An article states about ten positions, and its contributions to the positions of one
 * task come one after another: the first indexes the article and finds its copies, the others reuse
 * what it found. Each position then keeps the copies that state it ({@link StoryIndex}).
 *
 * <p>An article stays indexed when it leaves a position, as it may state others here; the check
 * that a copy states the position leaves it out of those it left. A new revision that changes its
 * text or time moves its entries.
 */
final class CopyIndex {

  private final KeyValueStore<String, byte[]> bands;
  private Found last;

  /** The copies found for an article; they stand until another article is looked up. */
  private record Found(String articleId, byte[] packed, Set<String> copies) {}

  CopyIndex(KeyValueStore<String, byte[]> bands) {
    this.bands = bands;
  }

  /**
   * The articles published within a copy window of the contribution's article that are near-copies
   * of it; indexes the article first if it is new here or changed.
   */
  Set<String> copiesOf(PositionContribution c) {
    String id = c.getArticleId();
    Instant at = c.getPublishedAt();
    byte[] packed = PackedFingerprint.of(at, c.getFingerprint());
    if (last != null && last.articleId().equals(id) && Arrays.equals(last.packed(), packed)) {
      return last.copies();
    }
    byte[] held = bands.get(articleKey(id));
    boolean indexing = !Arrays.equals(held, packed);
    if (indexing) {
      if (held != null) {
        unindex(id, held);
      }
      bands.put(articleKey(id), packed);
    }
    Set<String> copies = new HashSet<>();
    // a copy shares most bands: compare each article once
    Map<String, Boolean> compared = new HashMap<>(Map.of(id, false));
    long ownSpan = BandBucket.spanOf(at);
    long firstSpan = BandBucket.firstSpanAround(at);
    long lastSpan = BandBucket.lastSpanAround(at);
    BandBucket.Member arriving = new BandBucket.Member(at.toEpochMilli(), id);
    for (long band : StoryClusters.bands(c.getFingerprint())) {
      for (long span = firstSpan; span <= lastSpan; span++) {
        String key = bandKey(band, span);
        byte[] bucket = bands.get(key);
        for (BandBucket.Member other : BandBucket.members(bucket)) {
          if (StoryClusters.withinCopyWindow(other.publishedMillis(), arriving.publishedMillis())
              && compared.computeIfAbsent(other.articleId(), o -> sameStory(packed, o))) {
            copies.add(other.articleId());
          }
        }
        if (indexing && span == ownSpan) {
          byte[] withArriving = BandBucket.with(bucket, arriving);
          if (withArriving != bucket) {
            bands.put(key, withArriving);
          }
        }
      }
    }
    last = new Found(id, packed, Collections.unmodifiableSet(copies));
    return copies;
  }

  private void unindex(String id, byte[] held) {
    Instant at = PackedFingerprint.publishedAt(held);
    BandBucket.Member leaving = new BandBucket.Member(at.toEpochMilli(), id);
    long span = BandBucket.spanOf(at);
    for (long band : StoryClusters.bands(PackedFingerprint.fingerprint(held))) {
      String key = bandKey(band, span);
      byte[] rest = BandBucket.without(bands.get(key), leaving);
      if (rest == null) {
        bands.delete(key);
      } else {
        bands.put(key, rest);
      }
    }
  }

  private boolean sameStory(byte[] packed, String otherArticle) {
    byte[] other = bands.get(articleKey(otherArticle));
    return other != null && PackedFingerprint.sameStory(packed, other);
  }

  /** The articles that have a fingerprint band, published in one span ({@link BandBucket}). */
  private static String bandKey(long band, long span) {
    return "b|" + Long.toHexString(band) + "|" + Long.toHexString(span);
  }

  private static String articleKey(String articleId) {
    return "a|" + articleId;
  }
}
