package dev.parley.cli.faults;

import dev.parley.cli.ParleyJar;
import dev.parley.cli.local.FreePort;
import dev.parley.cli.local.LocalFeedKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `parley up` from the packaged jar in its own process (broker, registry and services together),
 * restartable on the same data folder and ports, so that it can be stopped as an operator's machine
 * stops it: kill -9 or SIGTERM.
 */
final class ChildStack implements AutoCloseable {

  private static final String UP = "Parley is up.";
  private static final String[] PORT_OPTIONS = {
    "--kafka-port",
    "--controller-port",
    "--registry-port",
    "--ingestor-port",
    "--extractor-port",
    "--aggregator-port"
  };

  private final int[] ports;
  private final Path parleyData;
  private final ChildProcess process;

  private ChildStack(Path dataDir, int[] ports) throws Exception {
    this.ports = ports;
    this.parleyData = dataDir.resolve("data");
    List<String> args = new ArrayList<>(List.of("up", "--data-dir", parleyData.toString()));
    for (int i = 0; i < PORT_OPTIONS.length; i++) {
      args.addAll(List.of(PORT_OPTIONS[i], String.valueOf(ports[i])));
    }
    this.process =
        new ChildProcess(
            "`parley up`",
            ParleyJar.command(args.toArray(String[]::new)),
            Map.of(),
            ChildProcess.logFile("parley-up"));
  }

  static ChildStack start(Path dataDir) throws Exception {
    Files.createDirectories(dataDir);
    ChildStack stack = new ChildStack(dataDir, FreePort.distinct(PORT_OPTIONS.length));
    stack.restart();
    return stack;
  }

  /** The feed key `parley up` made in its data dir on its first start. */
  String feedKey() throws IOException {
    return LocalFeedKey.read(parleyData)
        .orElseThrow(() -> new IllegalStateException("no feed key in " + parleyData));
  }

  /**
   * Starts `parley up` again on the same data and ports; returns how long it took to say it is up.
   */
  Duration restart() throws Exception {
    long ups = upLines();
    long started = System.nanoTime();
    process.start();
    process.await(() -> upLines() > ups, "up");
    return Duration.ofNanos(System.nanoTime() - started);
  }

  void kill() throws InterruptedException {
    process.kill();
  }

  void terminate() throws Exception {
    process.terminate();
  }

  String log() {
    return process.log();
  }

  /**
   * What `parley up` said about transactions a crash left open, each time it started: for whoever
   * reads a run, passed or failed.
   */
  List<String> openTransactionReports() {
    return process
        .log()
        .lines()
        .filter(
            l ->
                l.startsWith("Ended the transactions")
                    || l.startsWith("Aborted the transactions")
                    || l.startsWith("Warning:"))
        .toList();
  }

  String bootstrapServers() {
    return "127.0.0.1:" + ports[0];
  }

  String registryUrl() {
    return "http://127.0.0.1:" + ports[2];
  }

  URI ingestor() {
    return URI.create("http://127.0.0.1:" + ports[3]);
  }

  private long upLines() {
    return process.log().lines().filter(l -> l.startsWith(UP)).count();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
