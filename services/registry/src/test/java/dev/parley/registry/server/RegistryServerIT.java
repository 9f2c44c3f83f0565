package dev.parley.registry.server;

import static dev.parley.registry.server.QuoteSchemas.V1;
import static dev.parley.registry.server.QuoteSchemas.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.Article;
import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.SingleBrokerCluster;
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
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry server over real HTTP, storing in a real KRaft broker, spoken to by the REST client.
 */
class RegistryServerIT {

  private static final String V3_NO_DEFAULT =
      """
      {"type":"record","name":"Quote","namespace":"quotes","fields":[{"name":"text","type":"string"},
       {"name":"speaker","type":"string","default":""},{"name":"outlet","type":"string"}]}""";

  private static final String ADMIN_KEY = "test-admin-key";
  private static final String ADMIN = "admin:" + ADMIN_KEY;

  private static SingleBrokerCluster kafka;
  private static ServiceConfig config;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = SingleBrokerCluster.start();
    config = RegistryTestConfig.on(kafka, ADMIN_KEY);
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
      SchemaRegistryClient client =
          new RestSchemaRegistryClient(server.httpAddress().toString(), ADMIN);
      v1 = client.register(subject, parse(V1));
      assertEquals(
          v1,
          client.register(subject, parse(V1)),
          "registering the same schema again gives the same id");
      v2 = client.register(subject, parse(V2));
      assertNotEquals(v1, v2);
      assertFalse(client.isCompatible(subject, parse(V3_NO_DEFAULT)));
      SchemaRegistryException refused =
          assertThrows(
              SchemaRegistryException.class, () -> client.register(subject, parse(V3_NO_DEFAULT)));
      assertEquals(409, refused.errorCode());
      assertTrue(refused.getMessage().contains("outlet"), refused.getMessage());

      client.setCompatibility(subject, CompatibilityLevel.NONE);
      assertTrue(client.isCompatible(subject, parse(V3_NO_DEFAULT)), "NONE accepts any change");
    }
    try (ParleyService restarted = RegistryServer.start(config)) {
      SchemaRegistryClient client =
          new RestSchemaRegistryClient(restarted.httpAddress().toString(), ADMIN);
      assertEquals(parse(V1), client.schemaById(v1));
      assertEquals(2, client.latest(subject).orElseThrow().version());
      assertEquals(v2, client.latest(subject).orElseThrow().id());
      assertTrue(
          client.isCompatible(subject, parse(V3_NO_DEFAULT)),
          "the subject's NONE rule survived the restart");
    }
  }

  @Test
  void serdeWritesConfluentWireFormatReadableThroughTheRegistry() throws Exception {
    try (ParleyService server = RegistryServer.start(config)) {
      SchemaRegistryClient client =
          new RestSchemaRegistryClient(server.httpAddress().toString(), ADMIN);
      AvroSerde<Article> serde = AvroSerde.forValues(client, Article.class);
      Article article =
          Article.newBuilder()
              .setId("a1")
              .setHeadline("h")
              .setBody("b")
              .setSource("s")
              .setPublishedAt(Instant.ofEpochMilli(1_700_000_000_000L))
              .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_500L))
              .build();
      byte[] bytes = serde.serialize("wire-test", article);
      int id = client.latest("wire-test-value").orElseThrow().id();
      assertEquals(0, bytes[0]);
      assertEquals(id, java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt());
      assertEquals(
          article,
          AvroSerde.forValues(
                  new RestSchemaRegistryClient(server.httpAddress().toString(), ADMIN),
                  Article.class)
              .deserialize("wire-test", bytes));

      HttpResponse<String> raw =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              server.httpAddress() + "/subjects/wire-test-value/versions/latest"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, raw.statusCode());
      assertTrue(
          raw.headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/vnd.schemaregistry.v1+json"));
      HttpResponse<String> missing =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(server.httpAddress() + "/subjects/nope/versions/latest"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());
      assertTrue(missing.body().contains("\"error_code\":40401"), missing.body());
    }
  }

  @Test
  void writesNeedTheAdminKeyAndReadsDoNot() {
    try (ParleyService server = RegistryServer.start(config)) {
      RegistryHttp anonymous = new RegistryHttp(server.httpAddress().toString(), null);
      String subject = "guarded-value";
      RegistryHttp.Answer refused =
          anonymous.post("/subjects/" + subject + "/versions", RegistryHttp.schemaBody(V1));
      refused.error(401, 401);
      assertTrue(
          refused
              .response()
              .headers()
              .firstValue("WWW-Authenticate")
              .orElse("")
              .startsWith("Basic"),
          refused::toString);
      assertTrue(
          refused.json().path("message").asText().contains("basic.auth.user.info"),
          refused::toString);
      anonymous
          .withAuthorization(RegistryHttp.basic("admin:wrong"))
          .put("/config", "{\"compatibility\":\"NONE\"}")
          .error(401, 401);
      anonymous.withAuthorization("Bearer wrong").delete("/config").error(401, 401);
      anonymous.put("/mode", "{\"mode\":\"READONLY\"}").error(401, 401);
      anonymous.get("/subjects/" + subject + "/versions").error(404, 40401);

      int id =
          anonymous
              .withAuthorization(RegistryHttp.basic("any-user:" + ADMIN_KEY))
              .post("/subjects/" + subject + "/versions", RegistryHttp.schemaBody(V1))
              .ok()
              .path("id")
              .asInt();
      anonymous
          .withAuthorization("Bearer " + ADMIN_KEY)
          .put("/config/" + subject, "{\"compatibility\":\"FULL\"}")
          .ok();
      assertEquals(
          id,
          anonymous.get("/subjects/" + subject + "/versions/latest").ok().path("id").asInt(),
          "reads are open");
      assertEquals(
          1,
          anonymous
              .post("/subjects/" + subject, RegistryHttp.schemaBody(V1))
              .ok()
              .path("version")
              .asInt(),
          "a lookup only reads");
      assertTrue(
          anonymous
              .post(
                  "/compatibility/subjects/" + subject + "/versions/latest",
                  RegistryHttp.schemaBody(V1))
              .ok()
              .path("is_compatible")
              .asBoolean(),
          "a compatibility check only reads");
      anonymous.delete("/subjects/" + subject).error(401, 401);
      anonymous
          .withAuthorization("Bearer " + ADMIN_KEY)
          .put("/mode", "{\"mode\":\"READONLY\"}")
          .error(422, 42205);
    }
  }

  @Test
  void deletesAndConfigResetsSurviveARestart() {
    String subject = "deleted-value";
    String kept = "kept-value";
    RegistryHttp admin;
    try (ParleyService server = RegistryServer.start(config)) {
      admin = new RegistryHttp(server.httpAddress().toString(), RegistryHttp.basic(ADMIN));
      admin.post("/subjects/" + subject + "/versions", RegistryHttp.schemaBody(V1)).ok();
      admin.post("/subjects/" + kept + "/versions", RegistryHttp.schemaBody(V1)).ok();
      admin.post("/subjects/" + kept + "/versions", RegistryHttp.schemaBody(V2)).ok();
      admin.delete("/subjects/" + subject).ok();
      admin.delete("/subjects/" + subject + "?permanent=true").ok();
      admin.delete("/subjects/" + kept + "/versions/1").ok();
      admin.put("/config/" + kept, "{\"compatibility\":\"NONE\"}").ok();
      admin.delete("/config/" + kept).ok();
    }
    try (ParleyService restarted = RegistryServer.start(config)) {
      RegistryHttp reader = new RegistryHttp(restarted.httpAddress().toString(), null);
      reader.get("/subjects/" + subject + "/versions?deleted=true").error(404, 40401);
      assertEquals("[2]", reader.get("/subjects/" + kept + "/versions").ok().toString());
      assertEquals(
          "[1,2]", reader.get("/subjects/" + kept + "/versions?deleted=true").ok().toString());
      reader.get("/config/" + kept).error(404, 40408);
    }
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }
}
