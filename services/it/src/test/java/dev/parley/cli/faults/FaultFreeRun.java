package dev.parley.cli.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.PositionState;
import dev.parley.cli.ArticleCorpus;
import dev.parley.cli.PipelineState;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The corpus every fault test pushes, and the state it leads to without faults: worked out once per
 * test JVM on a local stack of its own, then shared by the fault tests.
 */
final class FaultFreeRun {

  static final Duration CATCH_UP = Duration.ofSeconds(180);
  private static Map<String, PositionState> state;

  private FaultFreeRun() {}

  /**
   * Sixty articles: each sample twelve times over, as different articles from different outlets at
   * different times.
   */
  static ArticleCorpus corpus() throws Exception {
    return ArticleCorpus.ofSamples(12);
  }

  static synchronized Map<String, PositionState> state() throws Exception {
    if (state == null) {
      Path data = Files.createTempDirectory("parley-fault-free");
      ArticleCorpus corpus = corpus();
      try (LocalStack stack =
          LocalStack.start(
              data,
              new LocalStack.Ports(0, 0, 0, 0, 0, 0),
              ServiceConfig.of(Map.of()),
              System.out)) {
        AcknowledgedPushes pushes = new AcknowledgedPushes(corpus, stack.feedKey());
        pushes.push(stack.ingestor().httpAddress(), 0, corpus.size());
        assertEquals(
            corpus.size(),
            pushes.acknowledged().size(),
            "a stack without faults accepts every article");
        PipelineState pipeline =
            new PipelineState(stack.bootstrapServers(), stack.registry().httpAddress().toString());
        pipeline.awaitCaughtUp(CATCH_UP);
        state = pipeline.state();
        assertTrue(state.size() >= 10, "the corpus states positions: " + state.keySet());
      } finally {
        org.apache.kafka.common.utils.Utils.delete(data.toFile());
      }
    }
    return state;
  }
}
