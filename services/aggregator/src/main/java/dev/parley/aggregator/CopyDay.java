package dev.parley.aggregator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The articles of one task published on one day ({@link CopyIndex#DAY}), in memory, with each of
 * their fingerprint bands: the articles that share a band with an arriving one are found by hash
 * lookup. Bands map to articles in an open-addressing table of primitives, at most three quarters
 * full (about 20 bytes per band of an article, where boxed keys and lists took ten times that).
 */
final class CopyDay {

  private static final int NO_ARTICLE = -1;

  private final List<String> ids = new ArrayList<>();
  private final List<byte[]> packed = new ArrayList<>();
  private final Map<String, Integer> slotOf = new HashMap<>();
  private long[] bands = new long[64];
  private int[] slots = emptySlots(64);
  private int entries;

  /** Articles held, with those taken out since the day was loaded. */
  int size() {
    return ids.size();
  }

  /**
   * Adds or replaces the article ({@link PackedFingerprint}) with its {@code bands} ({@link
   * PackedFingerprint#bands}); the same bytes again change nothing.
   */
  void add(String id, byte[] fingerprint, long[] bands) {
    Integer held = slotOf.get(id);
    if (held != null) {
      if (Arrays.equals(packed.get(held), fingerprint)) {
        return;
      }
      remove(id);
    }
    int slot = ids.size();
    ids.add(id);
    packed.add(fingerprint);
    slotOf.put(id, slot);
    for (long band : bands) {
      insert(band, slot);
    }
  }

  /** Takes the article out: its band entries stay, pointing at an empty slot, until a reload. */
  void remove(String id) {
    Integer slot = slotOf.remove(id);
    if (slot != null) {
      packed.set(slot, null);
    }
  }

  /**
   * Each article of the day that shares one of {@code bandsOf}, with its packed fingerprint, once
   * per band it shares.
   */
  void forEachSharing(long[] bandsOf, BiConsumer<String, byte[]> action) {
    for (long band : bandsOf) {
      for (int i = home(band); slots[i] != NO_ARTICLE; i = (i + 1) & (slots.length - 1)) {
        byte[] fingerprint = packed.get(slots[i]);
        if (bands[i] == band && fingerprint != null) {
          action.accept(ids.get(slots[i]), fingerprint);
        }
      }
    }
  }

  private void insert(long band, int slot) {
    if (4 * (entries + 1) > 3 * slots.length) {
      grow();
    }
    int i = home(band);
    while (slots[i] != NO_ARTICLE) {
      i = (i + 1) & (slots.length - 1);
    }
    bands[i] = band;
    slots[i] = slot;
    entries++;
  }

  private void grow() {
    long[] oldBands = bands;
    int[] oldSlots = slots;
    bands = new long[oldBands.length * 2];
    slots = emptySlots(oldSlots.length * 2);
    entries = 0;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != NO_ARTICLE) {
        insert(oldBands[i], oldSlots[i]);
      }
    }
  }

  private int home(long band) {
    return (int) (band ^ (band >>> 32)) & (slots.length - 1);
  }

  private static int[] emptySlots(int size) {
    int[] slots = new int[size];
    Arrays.fill(slots, NO_ARTICLE);
    return slots;
  }
}
