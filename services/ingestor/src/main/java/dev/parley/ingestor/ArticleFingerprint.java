package dev.parley.ingestor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * MinHash of an article's word 5-shingles: 64 values, each the minimum of one hash function over
 * the shingles, so the share of equal values between two articles estimates the overlap of their
 * texts. Outlets that run one wire story trim, retitle and add a line; their copies still agree on
 * most values, while two reports of the same event in different words agree on almost none. The
 * hashes are fixed here: fingerprints of articles published long ago must stay comparable.
 */
final class ArticleFingerprint {

  static final int SIZE = 64;
  private static final int SHINGLE_WORDS = 5;
  private static final long[] SEEDS = new long[SIZE];

  static {
    for (int i = 0; i < SIZE; i++) {
      SEEDS[i] = mix(0x9E3779B97F4A7C15L * (i + 1));
    }
  }

  private ArticleFingerprint() {}

  /** Empty when the text has fewer words than one shingle: too short to tell copies apart. */
  static List<Integer> of(String text) {
    long[] words = wordHashes(text);
    if (words.length < SHINGLE_WORDS) {
      return List.of();
    }
    int[] minimum = new int[SIZE];
    Arrays.fill(minimum, Integer.MAX_VALUE);
    for (int start = 0; start + SHINGLE_WORDS <= words.length; start++) {
      long shingle = 0;
      for (int w = start; w < start + SHINGLE_WORDS; w++) {
        shingle = mix(shingle * 31 + words[w]);
      }
      for (int i = 0; i < SIZE; i++) {
        minimum[i] = Math.min(minimum[i], (int) (mix(shingle ^ SEEDS[i]) >>> 33));
      }
    }
    List<Integer> fingerprint = new ArrayList<>(SIZE);
    for (int value : minimum) {
      fingerprint.add(value);
    }
    return fingerprint;
  }

  /** Lower-cased words of letters and digits; punctuation and spacing do not tell copies apart. */
  private static long[] wordHashes(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    return Arrays.stream(words)
        .filter(w -> !w.isEmpty())
        .mapToLong(ArticleFingerprint::hash)
        .toArray();
  }

  private static long hash(String word) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0x100000001B3L;
    }
    return h;
  }

  /** SplitMix64's finaliser: spreads every input bit over the whole value. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
