package dev.parley.aggregator;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

/**
 * A fingerprint as the band index keeps it: its values as big-endian ints side by side, compared in
 * place. A busy band is read for every arriving article that has it; decoding each of its entries
 * into a list of boxed integers was most of the aggregator's time.
 */
final class PackedFingerprint {

  private PackedFingerprint() {}

  static byte[] of(List<Integer> fingerprint) {
    ByteBuffer packed = ByteBuffer.allocate(fingerprint.size() * Integer.BYTES);
    fingerprint.forEach(packed::putInt);
    return packed.array();
  }

  /** {@link StoryClusters#sameStory} on packed fingerprints. */
  static boolean sameStory(byte[] a, byte[] b) {
    IntBuffer x = ByteBuffer.wrap(a).asIntBuffer();
    IntBuffer y = ByteBuffer.wrap(b).asIntBuffer();
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
}
