package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.local.FreePort;
import dev.parley.extractor.ontology.Ontology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged `parley` jar, run as the launcher runs it: its own classpath, its own process. */
class ParleyCommandIT {

  @TempDir Path data;

  @Test
  void upDemoPushesTheSamplesPrintsTheTableAfterEachAndStopsCleanlyOnSigterm() throws Exception {
    List<String> command =
        new ArrayList<>(ParleyJar.command("up", "--demo", "--data-dir", data.toString()));
    for (String port :
        List.of(
            "--kafka-port",
            "--controller-port",
            "--registry-port",
            "--ingestor-port",
            "--extractor-port",
            "--aggregator-port")) {
      command.add(port);
      command.add(String.valueOf(FreePort.any()));
    }
    Path log = data.resolve("parley.out");
    Process parley =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (!Files.readString(log).contains("Parley is up")
          && parley.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      String shown = Files.readString(log);
      assertTrue(shown.contains("Parley is up"), "parley up --demo finished its demo:\n" + shown);
      for (int i = 1; i <= 5; i++) {
        assertTrue(shown.contains("[" + i + "/5]"), "a table after article " + i + ":\n" + shown);
      }
      assertTrue(
          shown
              .lines()
              .anyMatch(
                  l -> l.contains("ukraine") && l.contains("territory") && l.contains("rejects")),
          "the table shows Ukraine rejecting territorial concessions:\n" + shown);
      assertTrue(shown.contains("first position update"), shown);

      parley.destroy();
      assertTrue(parley.waitFor(60, TimeUnit.SECONDS), "parley stopped within a minute of SIGTERM");
    } finally {
      parley.destroyForcibly();
    }
    String output = Files.readString(log);
    assertTrue(output.contains("Stopped."), "shutdown said it finished:\n" + output);
  }

  @Test
  void extractPrintsOneScorerReadableJsonLinePerPosition() throws Exception {
    Process extract = new ProcessBuilder(extractTheSamples()).start();
    List<String> lines =
        new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .toList();
    assertEquals(
        0,
        extract.waitFor(),
        new String(extract.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(lines.size() >= 10, "positions for the five samples: " + lines);
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode p = json.readTree(line);
      for (String field :
          List.of(
              "article", "actor", "issue", "stance", "confidence", "evidence", "start", "end")) {
        assertTrue(p.has(field), field + " in " + line);
      }
      assertTrue(
          p.path("article").asText().endsWith(".txt"),
          "the article is named by its file name: " + line);
    }
  }

  @Test
  void evalPrintsWhatTheReferenceScorerPrintsPlusPrecisionAndRecallAtEachConfidenceThreshold()
      throws Exception {
    Path shared = SampleArticles.folder().getParent();
    Process eval =
        new ProcessBuilder(
                ParleyJar.command(
                    "eval",
                    "--gold",
                    shared.resolve("eval/dev").toString(),
                    SampleArticles.folder().toString()))
            .redirectErrorStream(true)
            .start();
    List<String> ours =
        new String(eval.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, eval.waitFor(), String.join("\n", ours));

    Path predictions = data.resolve("predictions.jsonl");
    Process extract =
        new ProcessBuilder(extractTheSamples()).redirectOutput(predictions.toFile()).start();
    assertEquals(0, extract.waitFor());
    Process scorer =
        new ProcessBuilder(
                "python3",
                shared.resolve("eval/score").toString(),
                shared.resolve("eval/dev").toString(),
                predictions.toString())
            .redirectErrorStream(true)
            .start();
    List<String> reference =
        new String(scorer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, scorer.waitFor(), String.join("\n", reference));

    List<String> thresholdTable =
        ours.stream().filter(l -> l.startsWith("confidence ") || l.startsWith(">= ")).toList();
    assertEquals(reference, ours.stream().filter(l -> !thresholdTable.contains(l)).toList());
    String threshold =
        String.format(Locale.ROOT, "%.2f", Ontology.loadDefault().confirmationThreshold());
    assertTrue(
        thresholdTable.stream()
            .anyMatch(
                l ->
                    l.matches(
                        ">= "
                            + threshold.replace(".", "\\.")
                            + " +\\d\\.\\d{3} +\\d\\.\\d{3} .*<- confirmation threshold.*")),
        String.join("\n", thresholdTable));
  }

  /** `parley extract` on every sample article, in file name order. */
  private static List<String> extractTheSamples() throws IOException {
    return ParleyJar.command(
        Stream.concat(
                Stream.of("extract"),
                Files.list(SampleArticles.folder()).sorted().map(Path::toString))
            .toArray(String[]::new));
  }
}
