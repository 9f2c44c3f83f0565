package dev.parley.cli.bench;

import dev.parley.cli.IngestorClient;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ServiceConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * What a benchmark measures: running services named by --ingestor and --aggregator, or a local
 * stack of its own.
 */
final class BenchTarget {

  /** The stack to measure; {@code local} is null when it runs elsewhere. */
  interface Measurement {
    int run(IngestorClient ingestor, URI aggregator, String bootstrapServers, LocalStack local)
        throws Exception;
  }

  @Option(names = "--ingestor", description = "A running ingestor (default: start a local stack).")
  URI ingestor;

  @Option(
      names = "--aggregator",
      description = "A running aggregator (default: start a local stack).")
  URI aggregator;

  /**
   * Runs the measurement against the named services, or against a local stack started in a
   * temporary folder and removed after.
   */
  int measure(String name, Measurement measurement) throws Exception {
    if ((ingestor == null) != (aggregator == null)) {
      throw new IllegalArgumentException(
          "Give both --ingestor and --aggregator, or neither to measure a local stack of its own.");
    }
    ServiceConfig config = ServiceConfig.fromEnvironment();
    if (ingestor != null) {
      return measurement.run(
          new IngestorClient(ingestor, System.getenv(IngestorClient.FEED_KEY)),
          aggregator,
          config.bootstrapServers(),
          null);
    }
    Path data = Files.createTempDirectory("parley-bench-" + name);
    try (LocalStack stack =
        LocalStack.start(data, new LocalStack.Ports(0, 0, 0, 0, 0, 0), config, System.err)) {
      return measurement.run(
          stack.ingestorClient(),
          stack.aggregator().httpAddress(),
          stack.bootstrapServers(),
          stack);
    } finally {
      try (Stream<Path> paths = Files.walk(data)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
