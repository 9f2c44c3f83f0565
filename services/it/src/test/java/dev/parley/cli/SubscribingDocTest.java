package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every code snippet of docs/subscribing.md that names its source ({@code <!-- snippet: FILE
 * [REGION] -->} before the block) is, line for line, the region of that file which
 * ThirdPartyClientsIT runs.
 */
class SubscribingDocTest {

  private static final Path DOC = ParleyJar.ROOT.resolve("docs/subscribing.md");
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: (\\S+) \\[([\\w-]+)] -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everySnippetIsTheCodeTheClientSuiteRuns() throws IOException {
    Matcher snippets = SNIPPET.matcher(Files.readString(DOC));
    List<String> seen = new ArrayList<>();
    while (snippets.find()) {
      Path source = ParleyJar.ROOT.resolve(snippets.group(1));
      String region = snippets.group(2);
      assertEquals(
          region(source, region),
          snippets.group(3).stripTrailing(),
          "docs/subscribing.md's snippet of "
              + source
              + " ["
              + region
              + "] is not the code that runs; copy the region again");
      seen.add(region);
    }
    assertTrue(
        seen.containsAll(
            List.of("confluent", "kafkajs", "python", "java-streams", "java-consumer")),
        "the snippets found: " + seen);
  }

  /** The lines between the region's start and end markers, without their common indentation. */
  private static String region(Path source, String name) throws IOException {
    List<String> lines = Files.readAllLines(source);
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.endsWith("[" + name + "]") && (line.startsWith("//") || line.startsWith("#"))) {
        start = i + 1;
      } else if (line.endsWith("[/" + name + "]")) {
        end = i;
      }
    }
    assertTrue(
        start > 0 && end > start, source + " marks a region [" + name + "] ... [/" + name + "]");
    List<String> body = lines.subList(start, end);
    int indent =
        body.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return String.join(
            "\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList())
        .stripTrailing();
  }
}
