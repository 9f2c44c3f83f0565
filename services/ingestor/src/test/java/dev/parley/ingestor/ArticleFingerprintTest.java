package dev.parley.ingestor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleFingerprintTest {

  private static final String WIRE =
      """
      KYIV, Dec 2 - Ukraine's president said on Tuesday that Kyiv would not give up any territory in \
      the east as part of a peace deal, rejecting a central demand of the Kremlin ahead of talks in \
      Geneva. Speaking to reporters after meeting European envoys, he said security guarantees from \
      Western partners had to come first and that any ceasefire must freeze the current front line. \
      Moscow has insisted that Ukrainian troops withdraw from the parts of Donetsk they still hold, \
      and officials in Washington have urged both sides to narrow their differences before the end \
      of the year.""";

  @Test
  void aCopyRunByAnotherOutletAgreesOnMostValues() {
    String copy =
        "By Staff and wire reports. "
            + WIRE.replace("KYIV, Dec 2 - ", "")
                .replace("on Tuesday", "on Tuesday evening")
                .replace(
                    " and officials in Washington have urged both sides to narrow their differences before the end of the year.",
                    ".")
            + " Read more on our live page.";
    assertTrue(
        agreement(ArticleFingerprint.of(WIRE), ArticleFingerprint.of(copy)) >= 0.5,
        "an edited copy should still look like the same story");
  }

  @Test
  void anotherReportOfTheSameEventAgreesOnAlmostNone() {
    String other =
        """
        Volodymyr Zelensky ruled out ceding land to Russia, telling journalists in Kyiv that his country \
        would defend every village in Donetsk. Ahead of the Geneva meeting, the Ukrainian leader asked \
        European governments for firm security commitments, while Russian officials repeated that a \
        withdrawal of Ukrainian forces was a condition for any settlement.""";
    assertTrue(
        agreement(ArticleFingerprint.of(WIRE), ArticleFingerprint.of(other)) < 0.2,
        "different wording of the same news is a different story");
  }

  @Test
  void isStableAndBlindToCaseAndPunctuation() {
    assertEquals(
        ArticleFingerprint.of(WIRE), ArticleFingerprint.of(WIRE.toUpperCase().replace(",", " ;")));
    assertEquals(ArticleFingerprint.SIZE, ArticleFingerprint.of(WIRE).size());
  }

  /** Computed by the first version; articles fingerprinted then must still match their copies. */
  @Test
  void theValuesAreThoseOfTheFirstVersion() {
    assertEquals(
        List.of(
            27069555, 26905093, 7703072, 548211, 1686363, 54224807, 4500546, 13286477, 47376693,
            14460338, 5706160, 9795224, 31439273, 51838974, 20932874, 3946472, 30260102, 68385770,
            11758186, 1846732, 24480211, 39956196, 21910412, 7206729, 2020608, 2291198, 30025591,
            30893306, 4270836, 9372393, 21829292, 4700596, 8002164, 61949826, 23169207, 3460393,
            14359615, 18442538, 21465021, 10389854, 116830, 5682663, 8214974, 14022393, 11870946,
            34497759, 48589218, 68533009, 13418726, 8941504, 67458809, 2189832, 12926641, 78706068,
            48629373, 5827221, 33997560, 27947448, 105083179, 22495919, 3352402, 4602536, 29229873,
            24772349),
        ArticleFingerprint.of(WIRE));
  }

  @Test
  void vectorsGiveTheScalarLoopsValues() {
    assumeTrue(
        ArticleFingerprint.VECTORS,
        "this JVM has no jdk.incubator.vector module or its processor multiplies fewer than four"
            + " 64-bit lanes at once, so the fingerprint is taken by the scalar loop alone");
    Random random = new Random(7);
    for (int text = 0; text < 2_000; text++) {
      long[] shingles = random.longs(1 + random.nextInt(400)).toArray();
      assertArrayEquals(
          ArticleFingerprint.minimums(shingles), VectorMinimums.of(shingles), "text " + text);
    }
  }

  @Test
  void aTextShorterThanOneShingleHasNoFingerprint() {
    assertEquals(List.of(), ArticleFingerprint.of("Talks resume today."));
  }

  private static double agreement(List<Integer> a, List<Integer> b) {
    int same = 0;
    for (int i = 0; i < a.size(); i++) {
      same += a.get(i).equals(b.get(i)) ? 1 : 0;
    }
    return same / (double) a.size();
  }

  /**
   * The first alphabet has letters with a case beyond ASCII (Ⅻ, İ, ǅ) and a character beyond the
   * BMP, so most of its texts are lower-cased whole; the second has none, so its texts are
   * lower-cased character by character.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"aZz09é7٣Ⅻ½ .,'-\t\nİıß\u0301\u200b😀ǅ", "aZz09é7٣½ .,'-\t\nıß\u0301\u200b’—"})
  void wordsAreSplitAndHashedAsByTheExpressionItReplaced(String alphabet) {
    RandomTexts.of(alphabet, 15, 20_000, 3)
        .forEach(
            text -> {
              long[] expected =
                  Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                      .filter(w -> !w.isEmpty())
                      .mapToLong(ArticleFingerprintTest::fnv1a)
                      .toArray();
              assertArrayEquals(expected, ArticleFingerprint.wordHashes(text), text);
            });
  }

  private static long fnv1a(String word) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0x100000001B3L;
    }
    return h;
  }
}
