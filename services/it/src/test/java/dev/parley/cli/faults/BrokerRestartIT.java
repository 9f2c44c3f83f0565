package dev.parley.cli.faults;

import static dev.parley.cli.SameState.assertSameState;

import dev.parley.avro.PositionState;
import dev.parley.cli.ArticleCorpus;
import dev.parley.cli.PipelineState;
import dev.parley.cli.TestStacks;
import dev.parley.cli.local.LocalStack;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single Kafka broker of the local default stopped while articles arrive and started again on
 * the same ports and log folder, under the running ingestor, extractor and aggregator. A client
 * sends again what got no answer. Every acknowledged article is on parley.articles once, and the
 * state ends equal, field by field, to that of a run without faults.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BrokerRestartIT {

  /** Long enough for every service to notice: their requests time out and reconnect. */
  private static final long OUTAGE_MILLIS = 5_000;

  @TempDir static Path data;

  @Test
  void theBrokerRestartedUnderTheRunningServicesChangesNothing() throws Exception {
    ArticleCorpus corpus = FaultFreeRun.corpus();
    Map<String, PositionState> expected = FaultFreeRun.state();
    int third = corpus.size() / 3;

    try (LocalStack stack = TestStacks.start(data)) {
      URI ingestor = stack.ingestor().httpAddress();
      AcknowledgedPushes pushes = new AcknowledgedPushes(corpus, stack.feedKey());
      pushes.push(ingestor, 0, third);

      Thread feed = pushes.inBackground(ingestor, third, 2 * third);
      pushes.awaitMoreAnswers(4);
      stack.broker().stop();
      Thread.sleep(OUTAGE_MILLIS);
      stack.broker().startAgain();
      feed.join();
      pushes.sendAgain(ingestor);
      pushes.push(ingestor, 2 * third, corpus.size());

      PipelineState pipeline =
          new PipelineState(stack.bootstrapServers(), stack.registry().httpAddress().toString());
      pushes.assertEachHeldOnce(pipeline);
      pipeline.awaitCaughtUp(FaultFreeRun.CATCH_UP);
      assertSameState(expected, pipeline.state());
    }
  }
}
