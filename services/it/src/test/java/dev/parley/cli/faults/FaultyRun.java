package dev.parley.cli.faults;

import static dev.parley.cli.SameState.assertSameState;

import dev.parley.avro.PositionState;
import dev.parley.cli.ArticleCorpus;
import dev.parley.cli.PipelineState;
import java.util.Map;

/**
 * What every fault test shares around its faults: the corpus, the client that pushes it, and at the
 * end the check that the faults changed nothing: every acknowledged article held once, and the
 * state, once the apps have caught up, equal field by field to the fault-free run's.
 */
final class FaultyRun {

  private final ArticleCorpus corpus;
  private final Map<String, PositionState> expected;

  private FaultyRun(ArticleCorpus corpus, Map<String, PositionState> expected) {
    this.corpus = corpus;
    this.expected = expected;
  }

  /**
   * Works out the fault-free state first, so that its run never shares the machine with the faulty
   * one.
   */
  static FaultyRun afterTheFaultFreeRun() throws Exception {
    return new FaultyRun(FaultFreeRun.corpus(), FaultFreeRun.state());
  }

  /** Where the {@code part}-th of {@code parts} equal parts of the corpus begins. */
  int from(int part, int parts) {
    return corpus.size() * part / parts;
  }

  int size() {
    return corpus.size();
  }

  /** A client that pushes the corpus with the stack's feed key. */
  AcknowledgedPushes client(String feedKey) {
    return new AcknowledgedPushes(corpus, feedKey);
  }

  void assertNothingChanged(AcknowledgedPushes pushes, String bootstrapServers, String registryUrl)
      throws Exception {
    PipelineState pipeline = new PipelineState(bootstrapServers, registryUrl);
    pushes.assertEachHeldOnce(pipeline);
    pipeline.awaitCaughtUp(FaultFreeRun.CATCH_UP);
    assertSameState(expected, pipeline.state());
  }
}
