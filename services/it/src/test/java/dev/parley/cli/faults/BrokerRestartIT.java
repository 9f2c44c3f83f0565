package dev.parley.cli.faults;

import dev.parley.cli.TestStacks;
import dev.parley.cli.local.LocalStack;
import java.net.URI;
import java.nio.file.Path;
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
    FaultyRun run = FaultyRun.afterTheFaultFreeRun();
    try (LocalStack stack = TestStacks.start(data)) {
      URI ingestor = stack.ingestor().httpAddress();
      AcknowledgedPushes pushes = run.client(stack.feedKey());
      pushes.push(ingestor, 0, run.from(1, 3));
      pushes.pushWhile(
          ingestor,
          run.from(1, 3),
          run.from(2, 3),
          () -> {
            stack.broker().stop();
            Thread.sleep(OUTAGE_MILLIS);
            stack.broker().startAgain();
          });
      pushes.sendAgain(ingestor);
      pushes.push(ingestor, run.from(2, 3), run.size());
      run.assertNothingChanged(
          pushes, stack.bootstrapServers(), stack.registry().httpAddress().toString());
    }
  }
}
