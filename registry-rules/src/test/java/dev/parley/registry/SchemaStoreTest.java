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
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
  }

  private static final Schema V1 = record("{\"name\":\"a\",\"type\":\"string\"}");
  private static final Schema REMOVES_A = record("{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}");
  private static final Schema ADDS_REQUIRED = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"c\",\"type\":\"int\"}");

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
    // adding a required field: new readers cannot read old data (not BACKWARD), old readers can read new data (FORWARD)
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
    Schema v2 = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"c\",\"type\":\"int\",\"default\":0}");
    Schema v3 = record("{\"name\":\"c\",\"type\":\"int\",\"default\":0}");
    // v3 can read v2 data and v1 data (a is dropped, c defaults), so both pass; a FORWARD_TRANSITIVE check fails on v1
    assertNull(CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibility(v3, List.of(V1, v2)));
    assertNotNull(CompatibilityLevel.FORWARD_TRANSITIVE.incompatibility(v3, List.of(V1, v2)));
  }

  @Test
  void refusedRegistrationsLeaveTheSubjectUnchanged() {
    SchemaStore store = new SchemaStore();
    store.register("s", V1);
    SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> store.register("s", ADDS_REQUIRED));
    assertEquals(SchemaStore.INCOMPATIBLE, e.errorCode());
    assertEquals(1, store.versions("s").size());
  }
}
