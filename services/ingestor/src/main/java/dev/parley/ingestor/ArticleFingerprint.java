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
  static final long[] SEEDS = new long[SIZE];

  /** SplitMix64's finaliser's multipliers, which {@link VectorMinimums} applies lane by lane. */
  static final long MIX_1 = 0xBF58476D1CE4E5B9L;

  static final long MIX_2 = 0x94D049BB133111EBL;

  /** FNV-1a over each word's UTF-16 units. */
  private static final long FNV_OFFSET = 0xCBF29CE484222325L;

  private static final long FNV_PRIME = 0x100000001B3L;

  /**
   * Whether the minimums are taken with vectors: the JVM has to be started with {@code
   * --add-modules jdk.incubator.vector} (the {@code parley} launcher and the images do), and the
   * processor has to multiply at least four 64-bit lanes at once; otherwise the scalar loop is
   * faster.
   */
  static final boolean VECTORS =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && VectorMinimums.lanes() >= 4;

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
    long[] shingles = shingles(words);
    int[] minimum = VECTORS ? VectorMinimums.of(shingles) : minimums(shingles);
    List<Integer> fingerprint = new ArrayList<>(SIZE);
    for (int value : minimum) {
      fingerprint.add(value);
    }
    return fingerprint;
  }

  /** One hash per run of five words; needs at least five. */
  static long[] shingles(long[] words) {
    long[] shingles = new long[words.length - SHINGLE_WORDS + 1];
    for (int start = 0; start < shingles.length; start++) {
      long shingle = 0;
      for (int w = start; w < start + SHINGLE_WORDS; w++) {
        shingle = mix(shingle * 31 + words[w]);
      }
      shingles[start] = shingle;
    }
    return shingles;
  }

  /**
   * For each seed, the least of the top 31 bits of the shingles' hashes under it: the definition,
   * which {@link VectorMinimums} must match value for value.
   */
  static int[] minimums(long[] shingles) {
    int[] minimum = new int[SIZE];
    Arrays.fill(minimum, Integer.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < SIZE; i++) {
        minimum[i] = Math.min(minimum[i], (int) (mix(shingle ^ SEEDS[i]) >>> 33));
      }
    }
    return minimum;
  }

  /**
   * Lower-cased words of letters and digits (Unicode's L and N); punctuation and spacing do not
   * tell copies apart. One pass over the text, hashing as it goes: this runs on every article
   * ingested. Lower-casing the whole text first, and reading each character as a code point, took a
   * third of the fingerprint's time; a text whose only upper case is ASCII's (most news, curly
   * quotes and dashes included) is lower-cased character by character, with the same words.
   */
  static long[] wordHashes(String text) {
    String lower = hasCaseBeyondAscii(text) ? text.toLowerCase(Locale.ROOT) : text;
    long[] hashes = new long[lower.length() / 2 + 1];
    int count = 0;
    long h = FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0; i < lower.length(); ) {
      char c = lower.charAt(i);
      int end = i + 1;
      boolean wordPart;
      if (c < 0x80) {
        c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        wordPart = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      } else {
        int codePoint = lower.codePointAt(i);
        end = i + Character.charCount(codePoint);
        wordPart = isWordPart(codePoint);
      }
      if (wordPart) {
        h = (h ^ c) * FNV_PRIME;
        for (i++; i < end; i++) {
          h = (h ^ lower.charAt(i)) * FNV_PRIME;
        }
        inWord = true;
      } else {
        if (inWord) {
          hashes[count++] = h;
          h = FNV_OFFSET;
          inWord = false;
        }
        i = end;
      }
    }
    if (inWord) {
      hashes[count++] = h;
    }
    return Arrays.copyOf(hashes, count);
  }

  /**
   * Whether lower-casing the text would change more than ASCII letters: a character beyond ASCII
   * with a lower case of its own (Σ's final form and İ's dot are among these), or any surrogate, as
   * the rare characters beyond the BMP take the general way.
   */
  private static boolean hasCaseBeyondAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && (Character.isSurrogate(c) || Character.toLowerCase(c) != c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordPart(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** SplitMix64's finaliser: spreads every input bit over the whole value. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * MIX_1;
    z = (z ^ (z >>> 27)) * MIX_2;
    return z ^ (z >>> 31);
  }
}
