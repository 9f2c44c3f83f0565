package dev.parley.cli;

import dev.parley.aggregator.AggregatorService;
import dev.parley.cli.local.FreePort;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
    Map<String, String> local = new HashMap<>(settings);
    local.putIfAbsent(ServiceConfig.STATE_DIR, stateDir.toString());
    ParleyService aggregator = AggregatorService.start(attachedTo(stack, local));
    await(Duration.ofSeconds(120), aggregator::isReady, "the extra aggregator to be ready");
    return aggregator;
  }

  /**
   * The configuration of one more service on the stack's cluster and registry, on a free port of
   * 127.0.0.1, with {@code settings} on top.
   */
  static ServiceConfig attachedTo(LocalStack stack, Map<String, String> settings) {
    Map<String, String> config =
        new HashMap<>(
            Map.of(
                ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers(),
                ServiceConfig.SCHEMA_REGISTRY_URL, stack.registry().httpAddress().toString(),
                ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                    "parley:" + stack.registryAdminKey(),
                ServiceConfig.HTTP_HOST, "127.0.0.1",
                ServiceConfig.HTTP_PORT, String.valueOf(FreePort.any())));
    config.putAll(settings);
    return ServiceConfig.of(config);
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
