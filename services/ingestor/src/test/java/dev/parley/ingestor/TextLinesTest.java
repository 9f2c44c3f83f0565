package dev.parley.ingestor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLinesTest {

  @Test
  void linesEndAtLfOrCrLfAndKeepALoneCr() {
    assertEquals(List.of("a", "b\rc", "", "d", ""), TextLines.of("a\r\nb\rc\n\nd\n"));
    assertEquals(List.of(""), TextLines.of(""));
  }

  @Test
  void splitsAsTheExpressionItReplacedButForTrailingEmptyLines() {
    RandomTexts.of("ab \r\n", 9, 20_000, 11)
        .forEach(
            text -> {
              List<String> lines = new ArrayList<>(TextLines.of(text));
              while (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
              }
              List<String> expected = List.of(text.split("\\r?\\n"));
              if (expected.isEmpty()) {
                expected = List.of(""); // split drops every line of a text of line breaks only
              }
              assertEquals(expected, lines, () -> text.replace("\r", "\\r").replace("\n", "\\n"));
            });
  }
}
