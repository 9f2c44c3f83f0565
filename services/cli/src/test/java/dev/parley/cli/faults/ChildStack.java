package dev.parley.cli.faults;

import dev.parley.cli.FreePort;
import dev.parley.cli.ParleyJar;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * `parley up` from the packaged jar in its own process (broker, registry and services together),
 * restartable on the same data folder and ports, so that it can be killed as an operator's
 * machine kills it: SIGKILL or SIGTERM.
 */
final class ChildStack implements AutoCloseable {

  private static final String UP = "Parley is up.";

  private final Path dataDir;
  private final Path log;
  private final int[] ports;
  private Process process;

  private ChildStack(Path dataDir, int[] ports) {
    this.dataDir = dataDir;
    this.log = dataDir.resolve("up.log");
    this.ports = ports;
  }

  static ChildStack start(Path dataDir) throws Exception {
    Files.createDirectories(dataDir);
    ChildStack stack = new ChildStack(dataDir, java.util.stream.IntStream.generate(FreePort::any).limit(6).toArray());
    stack.restart();
    return stack;
  }

  /** Starts `parley up` again on the same data and ports and returns how long it took to say it is up. */
  Duration restart() throws Exception {
    long ups = upLines();
    long started = System.nanoTime();
    List<String> args = new ArrayList<>(List.of("up", "--data-dir", dataDir.resolve("data").toString()));
    String[] options = {"--kafka-port", "--controller-port", "--registry-port", "--ingestor-port", "--extractor-port", "--aggregator-port"};
    for (int i = 0; i < options.length; i++) {
      args.addAll(List.of(options[i], String.valueOf(ports[i])));
    }
    process = new ProcessBuilder(ParleyJar.command(args.toArray(String[]::new)))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long deadline = started + TimeUnit.MINUTES.toNanos(4);
    while (upLines() == ups) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("`parley up` did not come up; its log, " + log + ", ends:\n" + tail());
      }
      Thread.sleep(100);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** kill -9: no shutdown hook runs, Kafka's log and the apps' transactions are left as they were. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, then waits for the stack to stop as `parley up` does on Ctrl-C. */
  void terminate() throws Exception {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError("`parley up` did not stop within 90 s of SIGTERM; its log ends:\n" + tail());
    }
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

  /** The stack's whole output so far, for counting what it logged. */
  String log() throws IOException {
    return Files.readString(log);
  }

  private long upLines() throws IOException {
    return Files.exists(log) ? log().lines().filter(UP::equals).count() : 0;
  }

  private String tail() throws IOException {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
