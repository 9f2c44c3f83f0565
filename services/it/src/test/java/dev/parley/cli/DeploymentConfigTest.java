package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docker-compose.yml passes Compose's own config check and builds each service from a module that exists. */
class DeploymentConfigTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void composeFilePassesComposesConfigCheck() throws Exception {
    List<String> command = onPath("docker-compose") ? List.of("docker-compose", "config", "-q")
        : onPath("docker") && run(List.of("docker", "compose", "version")) == 0 ? List.of("docker", "compose", "config", "-q") : null;
    assumeTrue(command != null, "Neither docker-compose nor the docker compose plugin is installed; .ci/run installs docker-compose");
    assertEquals(0, run(command), "`" + String.join(" ", command) + "` refused docker-compose.yml; see its output above");
  }

  @Test
  void everyBuiltServiceIsAModuleWithAMainClass() throws Exception {
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    int built = 0;
    for (var service : compose.path("services").properties()) {
      JsonNode build = service.getValue().path("build");
      if (build.isMissingNode()) {
        continue;
      }
      built++;
      assertTrue(Files.isRegularFile(ROOT.resolve(build.path("dockerfile").asText())), service.getKey() + "'s Dockerfile exists");
      String module = build.path("args").path("SERVICE").asText();
      String pom = Files.readString(ROOT.resolve("services").resolve(module).resolve("pom.xml"));
      assertTrue(pom.contains("<main.class>"), "module " + module + " builds a runnable jar");
    }
    assertEquals(3, built, "ingestor, extractor and aggregator are built from deploy/");
  }

  private static boolean onPath(String program) {
    return System.getenv("PATH") != null && List.of(System.getenv("PATH").split(":")).stream()
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  private static int run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO().start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finished");
    return process.exitValue();
  }
}
