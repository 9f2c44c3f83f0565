package dev.parley.ingestor;

import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import java.util.Arrays;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ArticleFingerprint#minimums} computed for as many seeds at once as the processor's vectors
 * hold 64-bit lanes, with the same hash in each lane, so the values are the same ({@code
 * ArticleFingerprintTest} compares both). The scalar loop took 40% of the ingestor's request
 * threads; with eight lanes (AVX-512) this takes a fifth of its time, with four (AVX2) four fifths.
 * The Vector API is still incubating in Java 17: this class is loaded only when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}.
 */
final class VectorMinimums {

  private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;

  private VectorMinimums() {}

  /** 64-bit lanes per vector: a power of two up to eight, so they divide the 64 seeds. */
  static int lanes() {
    return SPECIES.length();
  }

  static int[] of(long[] shingles) {
    long[] minimum = new long[ArticleFingerprint.SIZE];
    Arrays.fill(minimum, Integer.MAX_VALUE);
    for (int lane = 0; lane < minimum.length; lane += SPECIES.length()) {
      LongVector seeds = LongVector.fromArray(SPECIES, ArticleFingerprint.SEEDS, lane);
      LongVector least = LongVector.fromArray(SPECIES, minimum, lane);
      for (long shingle : shingles) {
        least = least.min(mix(seeds.lanewise(XOR, shingle)).lanewise(LSHR, 33));
      }
      least.intoArray(minimum, lane);
    }
    int[] values = new int[minimum.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (int) minimum[i];
    }
    return values;
  }

  private static LongVector mix(LongVector z) {
    z = z.lanewise(XOR, z.lanewise(LSHR, 30)).mul(ArticleFingerprint.MIX_1);
    z = z.lanewise(XOR, z.lanewise(LSHR, 27)).mul(ArticleFingerprint.MIX_2);
    return z.lanewise(XOR, z.lanewise(LSHR, 31));
  }
}
