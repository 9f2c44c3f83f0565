package dev.parley.ingestor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextLinesTest {

  @Test
  void linesEndAtLfOrCrLfAndKeepALoneCr() {
    assertEquals(List.of("a", "b\rc", "", "d", ""), TextLines.of("a\r\nb\rc\n\nd\n"));
    assertEquals(List.of(""), TextLines.of(""));
  }

  @Test
  void splitsAsTheExpressionItReplacedButForTrailingEmptyLines() {
    Random random = new Random(11);
    String alphabet = "ab \r\n";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(10);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      List<String> lines = new ArrayList<>(TextLines.of(text.toString()));
      while (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      List<String> expected = List.of(text.toString().split("\\r?\\n"));
      if (expected.isEmpty()) {
        expected = List.of(""); // split drops every empty line of a text of line breaks only
      }
      assertEquals(
          expected, lines, () -> text.toString().replace("\r", "\\r").replace("\n", "\\n"));
    }
  }
}
