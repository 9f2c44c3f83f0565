package dev.parley.ingestor;

import java.util.Random;
import java.util.stream.Stream;

/**
 * Short texts drawn from an alphabet of characters where the code under test decides something, to
 * check a hand-written loop against the library call it replaced on many inputs.
 */
final class RandomTexts {

  private RandomTexts() {}

  /** {@code count} texts of up to {@code maxLength} UTF-16 units (lone surrogates included). */
  static Stream<String> of(String alphabet, int maxLength, int count, long seed) {
    Random random = new Random(seed);
    return Stream.generate(
            () -> {
              StringBuilder text = new StringBuilder();
              int length = random.nextInt(maxLength + 1);
              for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
              }
              return text.toString();
            })
        .limit(count);
  }
}
