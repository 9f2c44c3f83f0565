package dev.parley.cli;

import dev.parley.aggregator.AggregatorService;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One more aggregator instance of the application on a running stack's cluster and registry, ready
 * when returned.
 */
final class ExtraAggregator {

  private ExtraAggregator() {}

  /**
   * {@code settings} come on top of the stack's addresses, e.g. a lower PARLEY_SSE_MAX_SUBSCRIBERS.
   */
  static ParleyService start(LocalStack stack, Path stateDir, Map<String, String> settings)
      throws InterruptedException {
    Map<String, String> config = TestStacks.anotherInstance(stack, stateDir);
    config.putAll(settings);
    ParleyService aggregator = AggregatorService.start(ServiceConfig.of(config));
    await(Duration.ofSeconds(120), aggregator::isReady, "the extra aggregator to be ready");
    return aggregator;
  }

  static void await(Duration timeout, BooleanSupplier condition, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Gave up waiting " + timeout.toSeconds() + " s for " + what);
      }
      Thread.sleep(100);
    }
  }
}
