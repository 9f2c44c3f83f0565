package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The five sample articles in ../shared beside the project. */
final class SampleArticles {

  private SampleArticles() {}

  static Path folder() {
    Path folder = Path.of("../../../shared/articles").toAbsolutePath().normalize();
    assertTrue(
        Files.isDirectory(folder),
        "The sample articles are expected in "
            + folder
            + " (shared/ beside the project checkout); the end-to-end tests push them.");
    return folder;
  }
}
