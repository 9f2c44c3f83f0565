package dev.parley.aggregator;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.time.Instant;
import java.util.List;

/**
 * An article as the copy index keeps it ({@link CopyIndex}): its published time, then its
 * fingerprint's values as big-endian ints side by side, compared in place. A busy band is read for
 * every arriving article that has it; decoding each of its entries into a list of boxed integers
 * was most of the aggregator's time.
 */
final class PackedFingerprint {

  private static final int TIME_BYTES = Long.BYTES;

  private PackedFingerprint() {}

  static byte[] of(Instant publishedAt, List<Integer> fingerprint) {
    ByteBuffer packed = ByteBuffer.allocate(TIME_BYTES + fingerprint.size() * Integer.BYTES);
    packed.putLong(publishedAt.toEpochMilli());
    fingerprint.forEach(packed::putInt);
    return packed.array();
  }

  static Instant publishedAt(byte[] packed) {
    return Instant.ofEpochMilli(ByteBuffer.wrap(packed).getLong());
  }

  /** {@link StoryClusters#bands} of the packed fingerprint. */
  static long[] bands(byte[] packed) {
    IntBuffer values = values(packed);
    int[] fingerprint = new int[values.remaining()];
    values.get(fingerprint);
    return StoryClusters.bands(fingerprint);
  }

  /** {@link StoryClusters#sameStory} on packed fingerprints. */
  static boolean sameStory(byte[] a, byte[] b) {
    IntBuffer x = values(a);
    IntBuffer y = values(b);
    if (x.remaining() == 0 || x.remaining() != y.remaining()) {
      return false;
    }
    int values = x.remaining();
    double needed = StoryClusters.SAME_STORY * values;
    int same = 0;
    for (int i = 0; i < values; i++) {
      if (x.get(i) == y.get(i)) {
        same++;
      } else if (values - (i + 1 - same) < needed) {
        return false; // too many differ already: most articles of a busy band are no copy
      }
    }
    return same >= needed;
  }

  private static IntBuffer values(byte[] packed) {
    return ByteBuffer.wrap(packed, TIME_BYTES, packed.length - TIME_BYTES).slice().asIntBuffer();
  }
}
