package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.avro.PositionState;
import dev.parley.cli.local.LocalStack;
import dev.parley.cli.ops.ReprocessCommand;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.extractor.ExtractorService;
import dev.parley.extractor.Ontology;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an ontology change, `parley reprocess` (Kafka's reset tool, the apps stopped and started
 * through parley.control) gives the state a fresh pipeline builds with the new ontology; so does a
 * rebuild of the aggregator's state on top. On a real KRaft broker, with the whole pipeline.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ReprocessIT {

  private static final Duration CATCH_UP = Duration.ofSeconds(120);
  private static final String REMOVED_ISSUE = "russian_culture";

  @TempDir Path data;

  @Test
  void reprocessingAfterAnOntologyChangeGivesTheStateOfAFreshRunWithTheNewOntology()
      throws Exception {
    ArticleCorpus corpus = ArticleCorpus.ofSamples(4);
    Path revised = revisedOntology();
    Map<String, PositionState> before;
    Map<String, PositionState> reprocessed;
    Map<String, PositionState> rebuilt;
    try (LocalStack stack = TestStacks.start(data.resolve("changed"))) {
      PipelineState pipeline = caughtUpWith(corpus, stack);
      before = pipeline.state();
      assertTrue(
          before.keySet().stream().anyMatch(k -> k.endsWith("/" + REMOVED_ISSUE)),
          "the old ontology finds the issue: " + before.keySet());

      Map<TopicPartition, OffsetAndMetadata> committed = extractorOffsets(stack);
      Cli.Result refused = reprocess(stack, "--from", "beginning", "--execute");
      assertEquals(1, refused.exitCode(), refused.toString());
      assertTrue(
          refused.err().contains("parley-extractor has 1 running instance(s)")
              && refused.err().contains("--stop-apps"),
          refused.toString());
      assertEquals(committed, extractorOffsets(stack), "nothing was reset while the extractor ran");

      // the operator restarts the extractor with the new ontology, then reprocesses
      stack.extractor().close();
      try (ParleyService extractor =
          ExtractorService.start(
              ServiceConfig.of(
                  revisedExtractor(stack, data.resolve("revised-extractor"), revised)))) {
        Cli.Result done = reprocess(stack, "--from", "beginning", "--stop-apps", "--execute");
        assertEquals(0, done.exitCode(), done.toString());
        assertTrue(
            done.out().contains("Started parley-extractor again.")
                && done.out().contains("Caught up in"),
            done.toString());
        pipeline.awaitCaughtUp(CATCH_UP);
        reprocessed = pipeline.state();

        Cli.Result full =
            reprocess(stack, "--from", "beginning", "--rebuild-state", "--stop-apps", "--execute");
        assertEquals(0, full.exitCode(), full.toString());
        assertTrue(
            full.out().contains("Started parley-extractor and parley-aggregator again."),
            full.toString());
        pipeline.awaitCaughtUp(CATCH_UP);
        rebuilt = pipeline.state();
      }
    }

    Map<String, PositionState> fresh;
    try (LocalStack stack =
        TestStacks.start(
            data.resolve("fresh"), Map.of(ServiceConfig.ONTOLOGY, revised.toString()))) {
      fresh = caughtUpWith(corpus, stack).state();
    }

    assertTrue(
        fresh.keySet().stream().noneMatch(k -> k.endsWith("/" + REMOVED_ISSUE)),
        "the new ontology does not: " + fresh.keySet());
    assertNotEquals(before, fresh, "the change matters");
    assertEquals(
        fresh,
        reprocessed,
        "re-extraction gives every position the state a fresh run with the new ontology gives");
    assertEquals(fresh, rebuilt, "and so does rebuilding the state too");
  }

  /** The stack's pipeline once it has taken in the corpus and caught up. */
  private PipelineState caughtUpWith(ArticleCorpus corpus, LocalStack stack) throws Exception {
    PipelineState pipeline = PipelineState.of(stack);
    corpus.push(stack.ingestorClient(), data);
    pipeline.awaitCaughtUp(CATCH_UP);
    return pipeline;
  }

  /** The extractor instance that an operator restarts on the stack with a revised ontology. */
  private static Map<String, String> revisedExtractor(
      LocalStack stack, Path stateDir, Path ontology) {
    Map<String, String> settings = TestStacks.anotherInstance(stack, stateDir);
    settings.put(ServiceConfig.ONTOLOGY, ontology.toString());
    return settings;
  }

  private static Cli.Result reprocess(LocalStack stack, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers()));
    return Cli.run(new ReprocessCommand(), all.toArray(String[]::new));
  }

  private static Map<TopicPartition, OffsetAndMetadata> extractorOffsets(LocalStack stack)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      return admin
          .listConsumerGroupOffsets("parley-extractor")
          .partitionsToOffsetAndMetadata()
          .get();
    }
  }

  /**
   * The built-in ontology with one issue fewer and a new version: what a newsroom's revision looks
   * like.
   */
  private Path revisedOntology() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode ontology;
    try (InputStream in = Ontology.class.getResourceAsStream(Ontology.DEFAULT_RESOURCE)) {
      ontology = (ObjectNode) yaml.readTree(in);
    }
    ontology.put("version", ontology.path("version").asText() + "-revised");
    ArrayNode issues = (ArrayNode) ontology.path("issues");
    int before = issues.size();
    for (int i = issues.size() - 1; i >= 0; i--) {
      JsonNode issue = issues.get(i);
      if (issue.path("id").asText().equals(REMOVED_ISSUE)) {
        issues.remove(i);
      }
    }
    assertEquals(before - 1, issues.size(), "the built-in ontology has the issue " + REMOVED_ISSUE);
    Path file = data.resolve("ukraine-peace-revised.yaml");
    yaml.writeValue(file.toFile(), ontology);
    return file;
  }
}
