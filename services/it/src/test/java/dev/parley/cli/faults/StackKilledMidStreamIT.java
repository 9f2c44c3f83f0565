package dev.parley.cli.faults;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
    FaultyRun run = FaultyRun.afterTheFaultFreeRun();
    try (ChildStack stack = ChildStack.start(data.resolve("faulty"))) {
      URI ingestor = stack.ingestor();
      AcknowledgedPushes pushes = run.client(stack.feedKey());
      pushes.push(ingestor, 0, run.from(1, 3));

      pushes.pushWhile(ingestor, run.from(1, 3), run.from(2, 3), stack::kill);
      Duration upAfterKill = stack.restart();
      pushes.sendAgain(ingestor);

      pushes.pushWhile(ingestor, run.from(2, 3), run.size(), stack::terminate);
      Duration upAfterTerm = stack.restart();
      pushes.sendAgain(ingestor);
      System.out.printf(
          "`parley up` was up %.1f s after kill -9 and %.1f s after SIGTERM (wall clock; slower on a busy machine)%n",
          upAfterKill.toMillis() / 1000.0, upAfterTerm.toMillis() / 1000.0);
      System.out.println(
          "Transactions left open by the faults: "
              + (stack.openTransactionReports().isEmpty()
                  ? "none"
                  : String.join(System.lineSeparator(), stack.openTransactionReports())));

      run.assertNothingChanged(pushes, stack.bootstrapServers(), stack.registryUrl());
    }
  }
}
