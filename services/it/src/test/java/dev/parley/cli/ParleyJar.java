package dev.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The packaged `parley` jar, run as the launcher runs it: its own classpath, its own process. */
public final class ParleyJar {

  static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  private ParleyJar() {}

  public static List<String> command(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of(java(), "-Dparley.home=" + ROOT, "-jar", jar().toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Another main class on the jar's classpath, e.g. one of Kafka's own tools. */
  static List<String> mainClass(String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-cp", jar().toString(), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path jar() throws IOException {
    try (Stream<Path> jars = Files.list(ROOT.resolve("services/cli/target"))) {
      return jars.filter(p -> p.getFileName().toString().matches("parley-cli-.*\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IOException(
                      "run `mvn package` first: no parley-cli jar in services/cli/target"));
    }
  }
}
