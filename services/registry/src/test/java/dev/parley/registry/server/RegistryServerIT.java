package dev.parley.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.Article;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.registry.CompatibilityLevel;
import dev.parley.registry.RestSchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryException;
import dev.parley.serde.AvroSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry server over real HTTP, storing in a real KRaft broker, spoken to by the REST client. */
class RegistryServerIT {

  private static final String V1 = """
      {"type":"record","name":"Quote","namespace":"test","fields":[{"name":"text","type":"string"}]}""";
  private static final String V2_WITH_DEFAULT = """
      {"type":"record","name":"Quote","namespace":"test","fields":[{"name":"text","type":"string"},
       {"name":"speaker","type":"string","default":""}]}""";
  private static final String V3_NO_DEFAULT = """
      {"type":"record","name":"Quote","namespace":"test","fields":[{"name":"text","type":"string"},
       {"name":"speaker","type":"string","default":""},{"name":"outlet","type":"string"}]}""";

  private static KafkaClusterTestKit kafka;
  private static ServiceConfig config;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setNumBrokerNodes(1).setNumControllerNodes(1).setCombined(true).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    config = ServiceConfig.of(Map.of(ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
        ServiceConfig.HTTP_PORT, "0", ServiceConfig.HTTP_HOST, "127.0.0.1", ServiceConfig.TOPIC_REPLICATION, "1"));
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void refusesASchemaThatBreaksBackwardCompatibilityAndKeepsSchemasAcrossRestarts() {
    String subject = "quotes-value";
    int v1;
    int v2;
    try (ParleyService server = RegistryServer.start(config)) {
      SchemaRegistryClient client = new RestSchemaRegistryClient(server.httpAddress().toString());
      v1 = client.register(subject, parse(V1));
      assertEquals(v1, client.register(subject, parse(V1)), "registering the same schema again gives the same id");
      v2 = client.register(subject, parse(V2_WITH_DEFAULT));
      assertNotEquals(v1, v2);
      assertFalse(client.isCompatible(subject, parse(V3_NO_DEFAULT)));
      SchemaRegistryException refused = assertThrows(SchemaRegistryException.class, () -> client.register(subject, parse(V3_NO_DEFAULT)));
      assertEquals(409, refused.errorCode());
      assertTrue(refused.getMessage().contains("outlet"), refused.getMessage());

      client.setCompatibility(subject, CompatibilityLevel.NONE);
      assertTrue(client.isCompatible(subject, parse(V3_NO_DEFAULT)), "NONE accepts any change");
    }
    try (ParleyService restarted = RegistryServer.start(config)) {
      SchemaRegistryClient client = new RestSchemaRegistryClient(restarted.httpAddress().toString());
      assertEquals(parse(V1), client.schemaById(v1));
      assertEquals(2, client.latest(subject).orElseThrow().version());
      assertEquals(v2, client.latest(subject).orElseThrow().id());
      assertTrue(client.isCompatible(subject, parse(V3_NO_DEFAULT)), "the subject's NONE rule survived the restart");
    }
  }

  @Test
  void serdeWritesConfluentWireFormatReadableThroughTheRegistry() throws Exception {
    try (ParleyService server = RegistryServer.start(config)) {
      SchemaRegistryClient client = new RestSchemaRegistryClient(server.httpAddress().toString());
      AvroSerde<Article> serde = AvroSerde.forValues(client, Article.class);
      Article article = Article.newBuilder().setId("a1").setHeadline("h").setBody("b").setSource("s")
          .setPublishedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setIngestedAt(Instant.ofEpochMilli(1_700_000_000_500L)).build();
      byte[] bytes = serde.serialize("wire-test", article);
      int id = client.latest("wire-test-value").orElseThrow().id();
      assertEquals(0, bytes[0]);
      assertEquals(id, java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt());
      assertEquals(article, AvroSerde.forValues(new RestSchemaRegistryClient(server.httpAddress().toString()), Article.class)
          .deserialize("wire-test", bytes));

      HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.httpAddress() + "/subjects/wire-test-value/versions/latest")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, raw.statusCode());
      assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.schemaregistry.v1+json"));
      HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.httpAddress() + "/subjects/nope/versions/latest")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());
      assertTrue(missing.body().contains("\"error_code\":40401"), missing.body());
    }
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }
}
