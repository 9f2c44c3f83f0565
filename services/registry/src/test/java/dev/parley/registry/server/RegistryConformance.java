package dev.parley.registry.server;

import static dev.parley.registry.server.QuoteSchemas.V1;
import static dev.parley.registry.server.QuoteSchemas.V2;
import static dev.parley.registry.server.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Confluent Schema Registry's REST API as its API reference describes it, walked endpoint by
 * endpoint and error code by error code. Each subclass points it at one registry: Parley's, and
 * Confluent's own where Docker can run it, so the expectations are checked against the original.
 * docs/registry.md lists the differences kept on purpose; none of them is asserted here.
 */
abstract class RegistryConformance {

  /** Readable with V1's data (speaker defaults), not with V2's (speaker was a string). */
  private static final String SPEAKER_AS_NUMBER =
      """
      {"type":"record","name":"Quote","namespace":"quotes","fields":[{"name":"text","type":"string"},
       {"name":"speaker","type":"int","default":0}]}""";

  private static final String NEEDS_OUTLET =
      """
      {"type":"record","name":"Quote","namespace":"quotes","fields":[{"name":"text","type":"string"},
       {"name":"outlet","type":"string"}]}""";

  /** The registry under test, spoken to with credentials that may write. */
  abstract RegistryHttp registry();

  private static String newSubject() {
    return "conformance-" + UUID.randomUUID() + "-value";
  }

  private int register(String subject, String schema) {
    return registry()
        .post("/subjects/" + subject + "/versions", schemaBody(schema))
        .ok()
        .path("id")
        .asInt();
  }

  @Test
  void rootAnswersAnEmptyObject() {
    assertEquals(0, registry().get("/").ok().size());
  }

  @Test
  void registeringGivesAnIdOnceAndVersionsInOrder() {
    String subject = newSubject();
    int first = register(subject, V1);
    assertEquals(
        first, register(subject, V1), "the same schema again keeps its id and adds no version");
    int second = register(subject, V2);
    assertNotEquals(first, second);
    assertEquals(List.of(1, 2), ints(registry().get("/subjects/" + subject + "/versions").ok()));
    assertTrue(texts(registry().get("/subjects").ok()).contains(subject));
    assertTrue(texts(registry().get("/subjects?subjectPrefix=" + subject).ok()).contains(subject));
    String otherSubject = newSubject();
    assertEquals(first, register(otherSubject, V1), "one schema has one global id across subjects");
  }

  @Test
  void versionsByNumberLatestAndMinusOne() {
    String subject = newSubject();
    int first = register(subject, V1);
    int second = register(subject, V2);
    JsonNode one = registry().get("/subjects/" + subject + "/versions/1").ok();
    assertEquals(subject, one.path("subject").asText());
    assertEquals(1, one.path("version").asInt());
    assertEquals(first, one.path("id").asInt());
    assertEquals(parse(V1), parse(one.path("schema").asText()));
    for (String latest : List.of("latest", "-1")) {
      JsonNode answer = registry().get("/subjects/" + subject + "/versions/" + latest).ok();
      assertEquals(2, answer.path("version").asInt());
      assertEquals(second, answer.path("id").asInt());
    }
    assertEquals(
        parse(V2),
        parse(
            registry().get("/subjects/" + subject + "/versions/latest/schema").response().body()));
    assertEquals(
        0, registry().get("/subjects/" + subject + "/versions/1/referencedby").ok().size());
  }

  @Test
  void versionErrors() {
    String subject = newSubject();
    register(subject, V1);
    registry().get("/subjects/" + subject + "/versions/0").error(422, 42202);
    registry().get("/subjects/" + subject + "/versions/-2").error(422, 42202);
    registry().get("/subjects/" + subject + "/versions/first").error(422, 42202);
    registry().get("/subjects/" + subject + "/versions/99").error(404, 40402);
    registry().get("/subjects/" + subject + "/versions/99/referencedby").error(404, 40402);
    registry().get("/subjects/" + newSubject() + "/versions").error(404, 40401);
    registry().get("/subjects/" + newSubject() + "/versions/latest").error(404, 40401);
  }

  @Test
  void schemasById() {
    String subject = newSubject();
    int id = register(subject, V1);
    assertEquals(
        parse(V1), parse(registry().get("/schemas/ids/" + id).ok().path("schema").asText()));
    assertEquals(
        parse(V1), parse(registry().get("/schemas/ids/" + id + "/schema").response().body()));
    assertTrue(texts(registry().get("/schemas/ids/" + id + "/subjects").ok()).contains(subject));
    boolean listed = false;
    for (JsonNode use : registry().get("/schemas/ids/" + id + "/versions").ok()) {
      listed |= use.path("subject").asText().equals(subject) && use.path("version").asInt() == 1;
    }
    assertTrue(listed, "the id's versions name the subject and version");
    int unknown = Integer.MAX_VALUE - 7;
    for (String path : List.of("", "/schema", "/subjects", "/versions")) {
      registry().get("/schemas/ids/" + unknown + path).error(404, 40403);
    }
  }

  @Test
  void schemasListAndTypes() {
    String subject = newSubject();
    register(subject, V1);
    register(subject, V2);
    JsonNode all = registry().get("/schemas?subjectPrefix=" + subject).ok();
    assertEquals(2, all.size(), all::toString);
    assertEquals(subject, all.get(0).path("subject").asText());
    assertTrue(
        all.get(0).has("id") && all.get(0).has("version") && all.get(0).has("schema"),
        all::toString);
    JsonNode latest = registry().get("/schemas?subjectPrefix=" + subject + "&latestOnly=true").ok();
    assertEquals(1, latest.size(), latest::toString);
    assertEquals(2, latest.get(0).path("version").asInt());
    assertTrue(texts(registry().get("/schemas/types").ok()).contains("AVRO"));
  }

  @Test
  void lookupFindsARegisteredSchema() {
    String subject = newSubject();
    int id = register(subject, V1);
    register(subject, V2);
    JsonNode found = registry().post("/subjects/" + subject, schemaBody(V1)).ok();
    assertEquals(subject, found.path("subject").asText());
    assertEquals(1, found.path("version").asInt());
    assertEquals(id, found.path("id").asInt());
    registry().post("/subjects/" + subject, schemaBody(NEEDS_OUTLET)).error(404, 40403);
    registry().post("/subjects/" + newSubject(), schemaBody(V1)).error(404, 40401);
  }

  @Test
  void registrationRefusesIncompatibleAndInvalidSchemas() {
    String subject = newSubject();
    register(subject, V1);
    registry().post("/subjects/" + subject + "/versions", schemaBody(NEEDS_OUTLET)).error(409, 409);
    registry()
        .post(
            "/subjects/" + subject + "/versions",
            schemaBody("{\"type\":\"record\",\"name\":\"Broken\"}"))
        .error(422, 42201);
    registry()
        .post("/subjects/" + subject + "/versions", schemaBody("not a schema"))
        .error(422, 42201);
    assertEquals(
        List.of(1),
        ints(registry().get("/subjects/" + subject + "/versions").ok()),
        "refused schemas add no version");
  }

  @Test
  void compatibilityAgainstOneVersionOrTheSubjectsRule() {
    String subject = newSubject();
    register(subject, V1);
    register(subject, V2);
    String path = "/compatibility/subjects/" + subject + "/versions";
    assertTrue(
        registry()
            .post(path + "/1", schemaBody(SPEAKER_AS_NUMBER))
            .ok()
            .path("is_compatible")
            .asBoolean(),
        "the given version, not the latest, is checked");
    assertFalse(
        registry()
            .post(path + "/2", schemaBody(SPEAKER_AS_NUMBER))
            .ok()
            .path("is_compatible")
            .asBoolean());
    assertFalse(
        registry()
            .post(path + "/latest", schemaBody(SPEAKER_AS_NUMBER))
            .ok()
            .path("is_compatible")
            .asBoolean());
    assertFalse(
        registry()
            .post(path, schemaBody(SPEAKER_AS_NUMBER))
            .ok()
            .path("is_compatible")
            .asBoolean());
    JsonNode verbose =
        registry().post(path + "/latest?verbose=true", schemaBody(SPEAKER_AS_NUMBER)).ok();
    assertFalse(verbose.path("is_compatible").asBoolean());
    assertTrue(
        verbose.path("messages").isArray() && verbose.path("messages").size() > 0,
        verbose::toString);
    assertTrue(
        registry().post(path + "/latest", schemaBody(V2)).ok().path("is_compatible").asBoolean());
    registry().post(path + "/99", schemaBody(V2)).error(404, 40402);
    registry().post(path + "/0", schemaBody(V2)).error(422, 42202);
    String noSuchSubject = "/compatibility/subjects/" + newSubject() + "/versions";
    assertTrue(
        registry()
            .post(noSuchSubject + "/latest", schemaBody(V2))
            .ok()
            .path("is_compatible")
            .asBoolean(),
        "a subject without versions accepts any schema");
    assertTrue(
        registry().post(noSuchSubject, schemaBody(V2)).ok().path("is_compatible").asBoolean());
    registry().post(noSuchSubject + "/1", schemaBody(V2)).error(404, 40402);
    registry().post(path + "/latest", schemaBody("not a schema")).error(422, 42201);
  }

  @Test
  void subjectConfigIsItsOwnUntilDeleted() {
    String subject = newSubject();
    register(subject, V1);
    registry().get("/config/" + subject).error(404, 40408);
    String global = registry().get("/config").ok().path("compatibilityLevel").asText();
    assertEquals(
        global,
        registry()
            .get("/config/" + subject + "?defaultToGlobal=true")
            .ok()
            .path("compatibilityLevel")
            .asText());
    assertEquals(
        "NONE",
        registry()
            .put("/config/" + subject, "{\"compatibility\":\"NONE\"}")
            .ok()
            .path("compatibility")
            .asText());
    assertEquals(
        "NONE", registry().get("/config/" + subject).ok().path("compatibilityLevel").asText());
    register(subject, NEEDS_OUTLET);
    registry().delete("/config/" + subject).ok();
    registry().get("/config/" + subject).error(404, 40408);
    registry().delete("/config/" + subject).error(404, 40401);
    registry().put("/config/" + subject, "{\"compatibility\":\"SOMETIMES\"}").error(422, 42203);
  }

  @Test
  void globalConfigCanBeSetAndReset() {
    assertEquals(
        "FULL",
        registry()
            .put("/config", "{\"compatibility\":\"FULL\"}")
            .ok()
            .path("compatibility")
            .asText());
    assertEquals("FULL", registry().get("/config").ok().path("compatibilityLevel").asText());
    registry().delete("/config").ok();
    assertEquals(
        "BACKWARD",
        registry().get("/config").ok().path("compatibilityLevel").asText(),
        "the default is BACKWARD");
  }

  @Test
  void modeAndContextsAreReadable() {
    assertEquals("READWRITE", registry().get("/mode").ok().path("mode").asText());
    assertEquals(
        "READWRITE",
        registry()
            .get("/mode/" + newSubject() + "?defaultToGlobal=true")
            .ok()
            .path("mode")
            .asText());
    assertTrue(texts(registry().get("/contexts").ok()).contains("."), "the default context");
  }

  @Test
  void aVersionIsSoftDeletedBeforeItIsDeletedForGood() {
    String subject = newSubject();
    int first = register(subject, V1);
    register(subject, V2);
    String one = "/subjects/" + subject + "/versions/1";
    registry().delete(one + "?permanent=true").error(404, 40407);
    assertEquals(1, registry().delete(one).ok().asInt());
    registry().delete(one).error(404, 40406);
    assertEquals(List.of(2), ints(registry().get("/subjects/" + subject + "/versions").ok()));
    assertEquals(
        List.of(1, 2),
        ints(registry().get("/subjects/" + subject + "/versions?deleted=true").ok()));
    registry().get(one).error(404, 40402);
    assertEquals(1, registry().get(one + "?deleted=true").ok().path("version").asInt());
    assertEquals(
        parse(V1),
        parse(registry().get("/schemas/ids/" + first).ok().path("schema").asText()),
        "a soft-deleted schema still decodes old records");
    assertEquals(1, registry().delete(one + "?permanent=true").ok().asInt());
    assertEquals(
        List.of(2), ints(registry().get("/subjects/" + subject + "/versions?deleted=true").ok()));
    registry().delete("/subjects/" + subject + "/versions/99").error(404, 40402);
    registry().delete("/subjects/" + subject + "/versions/0").error(422, 42202);
  }

  @Test
  void aSubjectIsSoftDeletedBeforeItIsDeletedForGood() {
    String subject = newSubject();
    register(subject, V1);
    register(subject, V2);
    registry().delete("/subjects/" + subject + "?permanent=true").error(404, 40405);
    assertEquals(List.of(1, 2), ints(registry().delete("/subjects/" + subject).ok()));
    registry().delete("/subjects/" + subject).error(404, 40404);
    assertFalse(texts(registry().get("/subjects").ok()).contains(subject));
    assertTrue(texts(registry().get("/subjects?deleted=true").ok()).contains(subject));
    assertTrue(texts(registry().get("/subjects?deletedOnly=true").ok()).contains(subject));
    registry().get("/subjects/" + subject + "/versions").error(404, 40401);
    assertEquals(
        List.of(1, 2), ints(registry().delete("/subjects/" + subject + "?permanent=true").ok()));
    assertFalse(texts(registry().get("/subjects?deleted=true").ok()).contains(subject));
    registry().delete("/subjects/" + newSubject()).error(404, 40401);
  }

  @Test
  void malformedJsonIsTheClientsError() {
    registry().post("/subjects/" + newSubject() + "/versions", "{\"schema\": ").error(400, 400);
    registry().put("/config", "{compatibility: FULL}").error(400, 400);
  }

  @Test
  void unknownRoutesAnswerAJsonError() {
    registry().get("/no-such-endpoint").error(404, 404);
    registry().get("/subjects/" + newSubject() + "/no-such-part").error(404, 404);
  }

  @Test
  void contentNegotiation() {
    String subject = newSubject();
    String path = "/subjects/" + subject + "/versions";
    for (String type :
        List.of(RegistryHttp.V1_JSON, "application/vnd.schemaregistry+json", "application/json")) {
      assertEquals(200, registry().send("POST", path, schemaBody(V1), type, type).status(), type);
      RegistryHttp.Answer read = registry().send("GET", path, null, null, type);
      assertEquals(200, read.status(), read::toString);
      assertTrue(read.contentType().startsWith(type), read.contentType());
    }
    RegistryHttp.Answer anything = registry().send("GET", path, null, null, "*/*");
    assertTrue(anything.contentType().startsWith(RegistryHttp.V1_JSON), anything.contentType());
    registry()
        .send("POST", path, schemaBody(V1), "text/plain", RegistryHttp.V1_JSON)
        .error(415, 415);
    assertEquals(406, registry().send("GET", path, null, null, "text/html").status());
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asInt()));
    return values;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
