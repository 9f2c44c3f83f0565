package dev.parley.extractor.rules;

import static dev.parley.extractor.Extraction.signs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Patterns of real wire copy that the rules of rules-0.5 to rules-0.11 read, one row per pattern in
 * wire-copy-patterns.csv, each with an invented sentence (the real articles are for evaluation
 * only).
 */
class WireCopyPatternsTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvFileSource(resources = "wire-copy-patterns.csv", delimiter = '|')
  void readsThePattern(
      String rule, String pattern, String sentence, String found, String notFound) {
    Set<String> signs = signs(sentence);
    for (String sign : list(found)) {
      assertTrue(signs.contains(sign), () -> "missing " + sign + " in " + signs);
    }
    for (String sign : list(notFound)) {
      assertFalse(signs.contains(sign), () -> "unexpected " + sign + " in " + signs);
    }
  }

  /** An empty column reaches the test as null. */
  private static List<String> list(String column) {
    return column == null ? List.of() : List.of(column.split(";"));
  }
}
