package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.common.Topic;
import dev.parley.common.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml describes exactly the topics of {@link Topics}, with their keys, configs and
 * Avro schemas.
 */
class AsyncApiDocumentTest {

  private static final Path DOCS = ParleyJar.ROOT.resolve("docs");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document = read(DOCS.resolve("asyncapi.yaml"), YAML);

  @Test
  void isAsyncApiTwoPointSixWithOneChannelPerTopic() {
    assertEquals("2.6.0", document.path("asyncapi").asText());
    Set<String> channels = new TreeSet<>();
    document.path("channels").fieldNames().forEachRemaining(channels::add);
    Set<String> topics = new TreeSet<>(Topics.ALL.stream().map(Topic::name).toList());
    topics.addAll(
        List.of(Topics.DEAD_LETTERS.name(), Topics.CONTROL.name(), Topics.SCHEMAS.name()));
    assertEquals(topics, channels, "every topic of Topics, and no other, is a channel");
  }

  @Test
  void everyChannelsMessageIsItsTopicsAvroSchemaWithTheSameFields() {
    for (Topic<?> topic : Topics.ALL) {
      JsonNode message = message(topic);
      assertTrue(
          message.path("schemaFormat").asText().startsWith("application/vnd.apache.avro"),
          topic.name() + " says its payload is Avro");
      Path avsc = DOCS.resolve(message.path("payload").path("$ref").asText()).normalize();
      assertTrue(
          Files.isRegularFile(avsc),
          topic.name() + "'s payload refers to a file that exists: " + avsc);
      JsonNode file = read(avsc, JSON);
      Schema schema = SpecificData.get().getSchema(topic.valueType());
      assertEquals(
          schema.getFullName(),
          file.path("namespace").asText() + "." + file.path("name").asText(),
          topic.name() + "'s record type");
      List<String> documented = new ArrayList<>();
      file.path("fields").forEach(field -> documented.add(field.path("name").asText()));
      assertEquals(
          schema.getFields().stream().map(Schema.Field::name).toList(),
          documented,
          topic.name() + "'s fields, in order");
    }
  }

  @Test
  void everyKeyIsAPlainStringAsTopicsSerializesIt() {
    for (Topic<?> topic : Topics.ALL) {
      assertInstanceOf(
          StringSerializer.class,
          topic.keySerde().serializer(),
          topic.name() + " has string keys in Topics");
      JsonNode trait = resolve(message(topic).path("traits").path(0));
      assertEquals(
          "string",
          trait.path("bindings").path("kafka").path("key").path("type").asText(),
          topic.name() + "'s documented key");
    }
  }

  @Test
  void everyChannelsTopicConfigurationIsTheOneTopicsCreates() {
    for (Topic<?> topic : Topics.ALL) {
      JsonNode configuration =
          document
              .path("channels")
              .path(topic.name())
              .path("bindings")
              .path("kafka")
              .path("topicConfiguration");
      List<String> policy = new ArrayList<>();
      configuration.path("cleanup.policy").forEach(p -> policy.add(p.asText()));
      assertEquals(
          List.of(topic.configs().getOrDefault("cleanup.policy", "delete").split(",")),
          policy,
          topic.name() + "'s cleanup.policy");
      String retention = topic.configs().get("retention.ms");
      assertEquals(
          retention == null ? "" : retention,
          configuration.path("retention.ms").asText(),
          topic.name() + "'s retention.ms");
    }
  }

  private JsonNode message(Topic<?> topic) {
    JsonNode channel = document.path("channels").path(topic.name());
    return resolve(channel.path("subscribe").path("message"));
  }

  /** Follows a local reference such as '#/components/messages/Article'. */
  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText();
    return ref.startsWith("#") ? document.at(ref.substring(1)) : node;
  }

  private static JsonNode read(Path file, ObjectMapper mapper) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("Cannot read " + file, e);
    }
  }
}
