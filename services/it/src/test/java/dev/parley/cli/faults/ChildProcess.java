package dev.parley.cli.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A process a fault test starts, kills with -9 or stops with SIGTERM, and starts again with the
 * same command; its output goes to one log file across restarts.
 */
final class ChildProcess implements AutoCloseable {

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private Process process;

  ChildProcess(String name, List<String> command, Map<String, String> environment, Path log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.log = log;
  }

  /** A fresh log file under target/faults, kept after the test for whoever reads a failure. */
  static Path logFile(String name) {
    try {
      Path log =
          Files.createDirectories(Path.of("target", "faults"))
              .resolve(name + ".log")
              .toAbsolutePath();
      Files.deleteIfExists(log);
      return log;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A main class of the test classpath in a JVM of its own. */
  static ChildProcess java(
      String name, Class<?> main, List<String> args, Map<String, String> environment, Path log) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(args);
    return new ChildProcess(name, command, environment, log);
  }

  ChildProcess start() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    return this;
  }

  /**
   * Waits until {@code ready} holds; fails with the end of the log if the process dies or 4 minutes
   * pass.
   */
  void await(BooleanSupplier ready, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (!ready.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            name
                + " did not get "
                + what
                + (process.isAlive()
                    ? " within 4 minutes"
                    : "; it exited with " + process.exitValue())
                + "; its log, "
                + log
                + ", ends:\n"
                + tail());
      }
      Thread.sleep(100);
    }
  }

  /** kill -9: no shutdown hook runs; files, Kafka's log and open transactions stay as they were. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, then waits for the process to stop cleanly. */
  void terminate() throws Exception {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError(
          name + " did not stop within 90 s of SIGTERM; its log ends:\n" + tail());
    }
  }

  /** The whole output so far. */
  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String tail() {
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
