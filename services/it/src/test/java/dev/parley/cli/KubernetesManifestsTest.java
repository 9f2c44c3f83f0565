package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.common.ServiceConfig;
import dev.parley.common.Topic;
import dev.parley.common.Topics;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes: valid against the Kubernetes and Strimzi schemas (offline, through the npm
 * packages pinned in deploy/kubernetes/schema-check), and what Parley needs of a cluster: three
 * brokers, RF 3, min.insync 2, every topic as Topics declares it, Streams apps as StatefulSets with
 * state volumes and standbys, readiness from /ready, resources set.
 */
class KubernetesManifestsTest {

  private static final Path MANIFESTS = ParleyJar.ROOT.resolve("deploy/kubernetes");
  private static final Path SCHEMA_CHECK = MANIFESTS.resolve("schema-check");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> resources = readAll();

  @Test
  void everyResourceIsValidAgainstItsKubernetesOrStrimziSchema() throws Exception {
    boolean installed =
        Files.isDirectory(SCHEMA_CHECK.resolve("node_modules/kubernetes-models"))
            && Files.isDirectory(
                SCHEMA_CHECK.resolve("node_modules/@kubernetes-models/strimzi-kafka-operator"));
    String reason =
        "the schema check needs node and "
            + SCHEMA_CHECK.resolve("node_modules")
            + " (cd deploy/kubernetes/schema-check && npm ci); .ci/run installs them.";
    if (!installed && System.getenv("PARLEY_REQUIRE_CLIENTS") != null) {
      fail(reason + " PARLEY_REQUIRE_CLIENTS is set, so this does not skip.");
    }
    if (!installed) {
      System.err.println("SKIPPED " + reason);
    }
    assumeTrue(installed, reason);
    Process check =
        new ProcessBuilder("node", "validate.mjs")
            .directory(SCHEMA_CHECK.toFile())
            .redirectErrorStream(true)
            .start();
    try (var stdin = check.getOutputStream()) {
      stdin.write(JSON.writeValueAsBytes(JSON.createArrayNode().addAll(resources)));
    }
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(check.waitFor(60, TimeUnit.SECONDS), "the schema check finished");
    System.out.println(output);
    assertEquals(0, check.exitValue(), "deploy/kubernetes does not match the schemas:\n" + output);
    assertEquals(
        resources.size(),
        output.lines().filter(line -> line.startsWith("valid ")).count(),
        "every resource was checked: " + output);
  }

  @Test
  void kafkaIsThreeKraftBrokersReplicatingThreeTimesWithTwoInSync() {
    JsonNode pool = one("KafkaNodePool");
    assertEquals(3, pool.path("spec").path("replicas").asInt());
    assertTrue(texts(pool.path("spec").path("roles")).containsAll(List.of("broker", "controller")));
    JsonNode kafka = one("Kafka");
    assertEquals(
        "enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText());
    assertEquals(
        kafka.path("metadata").path("name").asText(),
        pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
    JsonNode config = kafka.path("spec").path("kafka").path("config");
    assertEquals(3, config.path("default.replication.factor").asInt());
    assertEquals(2, config.path("min.insync.replicas").asInt());
    assertEquals(
        3,
        config.path("transaction.state.log.replication.factor").asInt(),
        "Parley's streams apps write in transactions");
    assertEquals(2, config.path("transaction.state.log.min.isr").asInt());
  }

  @Test
  void everyTopicOfTopicsIsAKafkaTopicWithItsConfigs() {
    Map<String, JsonNode> declared = new TreeMap<>();
    ofKind("KafkaTopic").forEach(t -> declared.put(t.path("metadata").path("name").asText(), t));
    assertEquals(new TreeSet<>(Topics.ALL.stream().map(Topic::name).toList()), declared.keySet());
    for (Topic<?> topic : Topics.ALL) {
      JsonNode spec = declared.get(topic.name()).path("spec");
      assertEquals(3, spec.path("replicas").asInt(), topic.name());
      Map<String, String> configs = new TreeMap<>();
      spec.path("config").properties().forEach(e -> configs.put(e.getKey(), e.getValue().asText()));
      assertEquals(
          new TreeMap<>(topic.configs()),
          configs,
          topic.name() + "'s configs are the ones Topics gives it");
    }
  }

  @Test
  void everyContainerIsReadyFromSlashReadyAndHasResourcesSet() {
    List<JsonNode> workloads =
        Stream.concat(ofKind("Deployment").stream(), ofKind("StatefulSet").stream()).toList();
    assertEquals(4, workloads.size(), "registry, ingestor, extractor, aggregator");
    for (JsonNode workload : workloads) {
      for (JsonNode container :
          workload.path("spec").path("template").path("spec").path("containers")) {
        String name = workload.path("metadata").path("name").asText();
        assertEquals(
            "/ready",
            container.path("readinessProbe").path("httpGet").path("path").asText(),
            name + " is ready from /ready");
        for (String bound : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            assertFalse(
                container.path("resources").path(bound).path(resource).asText().isEmpty(),
                name + " sets " + bound + "." + resource);
          }
        }
        assertEquals(
            "parley",
            container.path("envFrom").path(0).path("configMapRef").path("name").asText(),
            name + " takes the shared config");
      }
    }
  }

  @Test
  void streamsAppsAreStatefulSetsWithTheirStateOnAVolumeAndStandbys() {
    Set<String> statefulSets = new TreeSet<>();
    for (JsonNode set : ofKind("StatefulSet")) {
      statefulSets.add(set.path("metadata").path("name").asText());
      String claim =
          set.path("spec")
              .path("volumeClaimTemplates")
              .path(0)
              .path("metadata")
              .path("name")
              .asText();
      JsonNode mount =
          set.path("spec")
              .path("template")
              .path("spec")
              .path("containers")
              .path(0)
              .path("volumeMounts")
              .path(0);
      assertEquals(claim, mount.path("name").asText(), "the state claim is mounted");
      assertEquals(
          "/var/lib/parley",
          mount.path("mountPath").asText(),
          "at PARLEY_STATE_DIR of deploy/Dockerfile");
    }
    assertEquals(Set.of("parley-aggregator", "parley-extractor"), statefulSets);
    JsonNode config = one("ConfigMap").path("data");
    assertTrue(
        config.path(ServiceConfig.STANDBY_REPLICAS).asInt() >= 1,
        "standby replicas of the Streams state");
    assertEquals(3, config.path(ServiceConfig.TOPIC_REPLICATION).asInt());
  }

  @Test
  void theConfigMapSetsOnlyVariablesTheServicesRead() throws Exception {
    Set<String> known = new TreeSet<>();
    for (Field field : ServiceConfig.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        known.add((String) field.get(null));
      }
    }
    one("ConfigMap")
        .path("data")
        .fieldNames()
        .forEachRemaining(
            key -> assertTrue(known.contains(key), key + " is a variable of ServiceConfig"));
  }

  private List<JsonNode> ofKind(String kind) {
    return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
  }

  private JsonNode one(String kind) {
    List<JsonNode> found = ofKind(kind);
    assertEquals(1, found.size(), "one " + kind);
    return found.get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<JsonNode> readAll() {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(MANIFESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> docs =
            YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          docs.readAll().stream().filter(d -> !d.isNull() && !d.isMissingNode()).forEach(all::add);
        }
      }
    } catch (IOException e) {
      throw new AssertionError("Cannot read " + MANIFESTS, e);
    }
    return all;
  }
}
