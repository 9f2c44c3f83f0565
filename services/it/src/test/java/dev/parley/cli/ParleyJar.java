package dev.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The packaged `parley` jar, run as the launcher runs it: its own classpath, its own process. */
final class ParleyJar {

  static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  private ParleyJar() {}

  static List<String> command(String... args) throws IOException {
    Path jar;
    try (Stream<Path> jars = Files.list(ROOT.resolve("services/cli/target"))) {
      jar = jars.filter(p -> p.getFileName().toString().matches("parley-cli-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IOException("run `mvn package` first: no parley-cli jar in services/cli/target"));
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dparley.home=" + ROOT, "-jar", jar.toString()));
    command.addAll(List.of(args));
    return command;
  }
}
