package dev.parley.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

  private static Schema record(String fields) {
    return new Schema.Parser()
        .parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
  }

  private static final Schema V1 = record("{\"name\":\"a\",\"type\":\"string\"}");
  private static final Schema REMOVES_A =
      record("{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}");
  private static final Schema ADDS_REQUIRED =
      record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"c\",\"type\":\"int\"}");

  @Test
  void sameSchemaUnderTwoSubjectsSharesOneIdButHasItsOwnVersions() {
    SchemaStore store = new SchemaStore();
    RegisteredSchema first = store.register("a-value", V1);
    RegisteredSchema second = store.register("b-value", V1);
    assertEquals(first.id(), second.id());
    assertEquals(1, second.version());
  }

  @Test
  void eachLevelChecksItsDirection() {
    // adding a required field: new readers cannot read old data (not BACKWARD), old readers can
    // read new data (FORWARD)
    assertNotNull(CompatibilityLevel.BACKWARD.incompatibility(ADDS_REQUIRED, List.of(V1)));
    assertNull(CompatibilityLevel.FORWARD.incompatibility(ADDS_REQUIRED, List.of(V1)));
    assertNotNull(CompatibilityLevel.FULL.incompatibility(ADDS_REQUIRED, List.of(V1)));
    // dropping a field that old readers need, adding one with a default: BACKWARD yes, FORWARD no
    assertNull(CompatibilityLevel.BACKWARD.incompatibility(REMOVES_A, List.of(V1)));
    assertNotNull(CompatibilityLevel.FORWARD.incompatibility(REMOVES_A, List.of(V1)));
    assertNull(CompatibilityLevel.NONE.incompatibility(ADDS_REQUIRED, List.of(V1)));
  }

  @Test
  void transitiveLevelsCheckEveryEarlierVersion() {
    Schema v2 =
        record(
            "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"c\",\"type\":\"int\",\"default\":0}");
    Schema v3 = record("{\"name\":\"c\",\"type\":\"int\",\"default\":0}");
    // v3 can read v2 data and v1 data (a is dropped, c defaults), so both pass; a
    // FORWARD_TRANSITIVE check fails on v1
    assertNull(CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibility(v3, List.of(V1, v2)));
    assertNotNull(CompatibilityLevel.FORWARD_TRANSITIVE.incompatibility(v3, List.of(V1, v2)));
  }

  @Test
  void refusedRegistrationsLeaveTheSubjectUnchanged() {
    SchemaStore store = new SchemaStore();
    store.register("s", V1);
    SchemaRegistryException e =
        assertThrows(SchemaRegistryException.class, () -> store.register("s", ADDS_REQUIRED));
    assertEquals(SchemaStore.INCOMPATIBLE, e.errorCode());
    assertEquals(1, store.versions("s").size());
  }

  @Test
  void aDeleteIsSoftUntilItIsMadePermanent() {
    SchemaStore store = new SchemaStore();
    RegisteredSchema first = store.register("s", V1);
    store.register("s", REMOVES_A);
    assertEquals(
        SchemaStore.VERSION_NOT_SOFT_DELETED,
        assertThrows(SchemaRegistryException.class, () -> store.planHardDelete("s", "1"))
            .errorCode());
    store.apply(store.planSoftDelete("s", "1"));
    assertEquals(
        SchemaStore.VERSION_SOFT_DELETED,
        assertThrows(SchemaRegistryException.class, () -> store.planSoftDelete("s", "1"))
            .errorCode());
    assertEquals(List.of(2), store.versions("s").stream().map(RegisteredSchema::version).toList());
    assertEquals(
        V1,
        store.schemaById(first.id()).orElseThrow(),
        "a soft-deleted schema still decodes old records");
    store.remove("s", store.planHardDelete("s", "1").version());
    assertEquals(1, store.versions("s", true).size());
    store.setCompatibility("s", CompatibilityLevel.NONE);
    assertEquals(
        3,
        store.register("s", V1).version(),
        "versions are never reused while the subject has any");
  }

  @Test
  void aSubjectIsHardDeletedOnlyAfterASoftDelete() {
    SchemaStore store = new SchemaStore();
    store.register("s", V1);
    assertEquals(
        SchemaStore.SUBJECT_NOT_SOFT_DELETED,
        assertThrows(SchemaRegistryException.class, () -> store.planHardDeleteSubject("s"))
            .errorCode());
    store.planSoftDeleteSubject("s").forEach(store::apply);
    assertEquals(
        SchemaStore.SUBJECT_SOFT_DELETED,
        assertThrows(SchemaRegistryException.class, () -> store.planSoftDeleteSubject("s"))
            .errorCode());
    assertEquals(List.of(), store.subjects());
    assertEquals(List.of("s"), store.subjects(true));
    store.planHardDeleteSubject("s").forEach(v -> store.remove("s", v.version()));
    assertEquals(List.of(), store.subjects(true));
  }

  @Test
  void versionsMustBePositiveOrLatest() {
    assertEquals(-1, SchemaStore.versionNumber("latest"));
    assertEquals(-1, SchemaStore.versionNumber("-1"));
    assertEquals(3, SchemaStore.versionNumber("3"));
    for (String invalid : List.of("0", "-2", "one", "")) {
      assertEquals(
          SchemaStore.INVALID_VERSION,
          assertThrows(SchemaRegistryException.class, () -> SchemaStore.versionNumber(invalid))
              .errorCode());
    }
  }
}
