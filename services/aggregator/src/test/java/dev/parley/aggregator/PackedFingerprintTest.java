package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The copy index's packed fingerprints decide near-copies exactly as the fingerprints do. */
class PackedFingerprintTest {

  private static final Instant AT = Instant.parse("2025-12-01T10:00:00Z");

  @Test
  void packedFingerprintsAreNearCopiesExactlyWhenTheFingerprintsAre() {
    Random random = new Random(7);
    int nearCopies = 0;
    for (int changed = 0; changed <= 64; changed++) {
      List<Integer> a = random.ints(64).boxed().toList();
      List<Integer> b = new ArrayList<>(a);
      for (int i = 0; i < changed; i++) {
        b.set(random.nextInt(64), random.nextInt());
      }
      boolean expected = StoryClusters.sameStory(a, b);
      nearCopies += expected ? 1 : 0;
      assertEquals(
          expected,
          PackedFingerprint.sameStory(
              PackedFingerprint.of(AT, a), PackedFingerprint.of(AT.plusSeconds(changed), b)),
          changed + " values changed");
    }
    assertTrue(nearCopies > 0 && nearCopies < 65, "both outcomes occur");
    assertFalse(
        PackedFingerprint.sameStory(
            PackedFingerprint.of(AT, List.of()), PackedFingerprint.of(AT, List.of())),
        "articles without a fingerprint are no copies");
  }

  @Test
  void aPackedFingerprintKeepsItsTimeAndBands() {
    List<Integer> values = List.of(-1, 0, 7, Integer.MIN_VALUE, 3, 1 << 30, -7, 11);
    Instant before1970 = Instant.parse("1969-07-20T20:17:00Z");
    byte[] packed = PackedFingerprint.of(before1970, values);
    assertEquals(before1970, PackedFingerprint.publishedAt(packed));
    assertArrayEquals(StoryClusters.bands(values), PackedFingerprint.bands(packed));
  }
}
