package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The band index's packed fingerprints decide near-copies exactly as the fingerprints do. */
class PackedFingerprintTest {

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
          PackedFingerprint.sameStory(PackedFingerprint.of(a), PackedFingerprint.of(b)),
          changed + " values changed");
    }
    assertTrue(nearCopies > 0 && nearCopies < 65, "both outcomes occur");
    assertFalse(
        PackedFingerprint.sameStory(
            PackedFingerprint.of(List.of()), PackedFingerprint.of(List.of())),
        "articles without a fingerprint are no copies");
  }
}
