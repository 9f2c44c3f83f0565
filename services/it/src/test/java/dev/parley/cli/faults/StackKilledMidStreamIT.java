package dev.parley.cli.faults;

import static dev.parley.cli.SameState.assertSameState;

import dev.parley.avro.PositionState;
import dev.parley.cli.ArticleCorpus;
import dev.parley.cli.PipelineState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local stack (`parley up` from the packaged jar, broker included) killed with -9, and
 * later stopped with SIGTERM, each while articles arrive and flow through the pipeline. A client
 * sends again what got no answer. Every article it was told was accepted is on parley.articles
 * exactly once, and the state ends equal, field by field, to that of a run without faults.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class StackKilledMidStreamIT {

  @TempDir static Path data;

  @Test
  void killedAndStoppedMidStreamTheStackLosesNothingAndEndsInTheStateOfARunWithoutFaults()
      throws Exception {
    ArticleCorpus corpus = FaultFreeRun.corpus();
    Map<String, PositionState> expected = FaultFreeRun.state();
    int third = corpus.size() / 3;

    try (ChildStack stack = ChildStack.start(data.resolve("faulty"))) {
      AcknowledgedPushes pushes = new AcknowledgedPushes(corpus, stack.feedKey());
      pushes.push(stack.ingestor(), 0, third);

      Thread feed = pushes.inBackground(stack.ingestor(), third, 2 * third);
      pushes.awaitMoreAnswers(4);
      stack.kill();
      feed.join();
      Duration upAfterKill = stack.restart();
      pushes.sendAgain(stack.ingestor());

      feed = pushes.inBackground(stack.ingestor(), 2 * third, corpus.size());
      pushes.awaitMoreAnswers(4);
      stack.terminate();
      feed.join();
      Duration upAfterTerm = stack.restart();
      pushes.sendAgain(stack.ingestor());
      System.out.printf(
          "`parley up` was up %.1f s after kill -9 and %.1f s after SIGTERM (wall clock; slower on a busy machine)%n",
          upAfterKill.toMillis() / 1000.0, upAfterTerm.toMillis() / 1000.0);

      PipelineState pipeline = new PipelineState(stack.bootstrapServers(), stack.registryUrl());
      pushes.assertEachHeldOnce(pipeline);
      pipeline.awaitCaughtUp(FaultFreeRun.CATCH_UP);
      assertSameState(expected, pipeline.state());
    }
  }
}
