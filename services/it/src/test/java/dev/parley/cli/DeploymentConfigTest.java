package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and its three-brokers profile pass Compose's own config check, publish ports
 * on 127.0.0.1 only, and build each service from a module that exists.
 */
class DeploymentConfigTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void composeFilePassesComposesConfigCheck() throws Exception {
    List<String> command = composeCommand();
    assumeTrue(
        command != null,
        "Neither docker-compose nor the docker compose plugin is installed; .ci/run installs docker-compose");
    assertEquals(
        0,
        run(command),
        "`" + String.join(" ", command) + "` refused docker-compose.yml; see its output above");
  }

  @Test
  void threeBrokerProfilePassesComposesConfigCheck() throws Exception {
    List<String> command = composeCommand();
    assumeTrue(
        command != null,
        "Neither docker-compose nor the docker compose plugin is installed; .ci/run installs docker-compose");
    List<String> threeBrokers = new ArrayList<>(command.subList(0, command.size() - 2));
    threeBrokers.addAll(
        List.of(
            "--env-file",
            "deploy/compose/three-brokers.env",
            "--profile",
            "three-brokers",
            "config",
            "-q"));
    assertEquals(
        0,
        run(threeBrokers),
        "`"
            + String.join(" ", threeBrokers)
            + "` refused the three-brokers profile; see its output above");
  }

  @Test
  void threeBrokerProfileNamesEveryBrokerAsVoterAndReplicatesThreeTimes() throws Exception {
    JsonNode compose = composeFile();
    List<String> brokers = new ArrayList<>();
    compose
        .path("services")
        .properties()
        .forEach(
            service -> {
              if (service.getValue().path("environment").has("KAFKA_NODE_ID")) {
                brokers.add(service.getKey());
              }
            });
    Properties env = new Properties();
    try (var reader = Files.newBufferedReader(ROOT.resolve("deploy/compose/three-brokers.env"))) {
      env.load(reader);
    }
    assertEquals(List.of("kafka", "kafka-2", "kafka-3"), brokers);
    for (String broker : brokers) {
      assertTrue(
          env.getProperty("PARLEY_KAFKA_VOTERS").contains("@" + broker + ":9093"),
          broker + " is a controller voter");
      assertTrue(
          env.getProperty("PARLEY_KAFKA_BOOTSTRAP").contains(broker + ":9092"),
          broker + " is in the bootstrap list");
    }
    assertEquals("3", env.getProperty("PARLEY_KAFKA_REPLICATION"));
    assertEquals("2", env.getProperty("PARLEY_KAFKA_MIN_INSYNC"));
  }

  /** Nothing in compose asks for credentials, so nothing may listen beyond this machine. */
  @Test
  void everyPublishedPortIsBoundToLoopbackOnly() throws Exception {
    int published = 0;
    for (var service : composeFile().path("services").properties()) {
      for (JsonNode port : service.getValue().path("ports")) {
        published++;
        assertTrue(
            port.asText().startsWith("127.0.0.1:"),
            service.getKey() + " publishes " + port.asText() + " beyond 127.0.0.1");
      }
    }
    assertTrue(published >= 5, "the broker, registry and three services publish ports");
  }

  @Test
  void everyBuiltServiceIsAModuleWithAMainClass() throws Exception {
    JsonNode compose = composeFile();
    int built = 0;
    for (var service : compose.path("services").properties()) {
      JsonNode build = service.getValue().path("build");
      if (build.isMissingNode()) {
        continue;
      }
      built++;
      assertTrue(
          Files.isRegularFile(ROOT.resolve(build.path("dockerfile").asText())),
          service.getKey() + "'s Dockerfile exists");
      String module = build.path("args").path("SERVICE").asText();
      String pom = Files.readString(ROOT.resolve("services").resolve(module).resolve("pom.xml"));
      assertTrue(pom.contains("<main.class>"), "module " + module + " builds a runnable jar");
    }
    assertEquals(3, built, "ingestor, extractor and aggregator are built from deploy/");
  }

  private static JsonNode composeFile() throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .readTree(ROOT.resolve("docker-compose.yml").toFile());
  }

  /**
   * Compose's config check, by docker-compose or the docker compose plugin; null when neither is
   * installed.
   */
  private static List<String> composeCommand() throws Exception {
    return onPath("docker-compose")
        ? List.of("docker-compose", "config", "-q")
        : onPath("docker") && run(List.of("docker", "compose", "version")) == 0
            ? List.of("docker", "compose", "config", "-q")
            : null;
  }

  private static boolean onPath(String program) {
    return System.getenv("PATH") != null
        && List.of(System.getenv("PATH").split(":")).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  private static int run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO().start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finished");
    return process.exitValue();
  }
}
