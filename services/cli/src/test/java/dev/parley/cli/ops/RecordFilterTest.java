package dev.parley.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode positions =
      json(
          """
      {"articleId": "a1", "source": "reuters", "url": null,
       "positions": [{"actor": "russia", "stance": 2, "evidence": {"sentence": "..."}},
                     {"actor": "ukraine", "stance": -2, "evidence": {"sentence": "..."}}],
       "latest": {"source": "bbc", "stance": -1}}""");

  @Test
  void fieldsNestedFieldsAndArrayElementsAreMatchedByTheirText() {
    assertTrue(filter(null, "source=reuters").matches("a1", () -> positions));
    assertTrue(filter(null, "latest.source=bbc").matches("a1", () -> positions));
    assertTrue(filter(null, "latest.stance=-1").matches("a1", () -> positions));
    assertTrue(filter(null, "positions.actor=ukraine").matches("a1", () -> positions));
    assertTrue(filter(null, "url=null").matches("a1", () -> positions));
    assertFalse(filter(null, "positions.actor=europe").matches("a1", () -> positions));
    assertFalse(
        filter(null, "source=Reuters").matches("a1", () -> positions), "exact, case and all");
    assertFalse(
        filter(null, "latest=bbc").matches("a1", () -> positions), "a record is not a value");
    assertFalse(filter(null, "nope.deeper=x").matches("a1", () -> positions));
  }

  @Test
  void everyConditionAndTheKeyMustHold() {
    assertTrue(filter("a1", "source=reuters", "positions.stance=2").matches("a1", () -> positions));
    assertFalse(
        filter("a1", "source=reuters", "positions.stance=1").matches("a1", () -> positions));
    assertFalse(filter("a2", "source=reuters").matches("a1", () -> positions));
  }

  @Test
  void withoutConditionsNothingIsDecodedAndTombstonesPass() {
    RecordFilter byKey = filter("a1");
    assertFalse(byKey.readsValues());
    assertTrue(
        byKey.matches(
            "a1",
            () -> {
              throw new AssertionError("no value is needed to match a key");
            }));
    assertTrue(filter(null).matches("a1", () -> null));
    assertFalse(
        filter(null, "source=reuters").matches("a1", () -> null), "a tombstone has no fields");
  }

  @Test
  void aValueMayContainEqualsSignsAndBadConditionsAreRefusedWithAnExample() {
    assertTrue(filter(null, "q=a=b").matches("k", () -> json("{\"q\": \"a=b\"}")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> filter(null, "source"));
    assertTrue(e.getMessage().contains("source=reuters"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> filter(null, "=x"));
  }

  @Test
  void itsArgumentsSelectTheSameRecordsAgain() {
    assertEquals(
        List.of("--key", "a1", "--where", "latest.source=bbc"),
        filter("a1", "latest.source=bbc").arguments());
    assertEquals("key=a1 and latest.source=bbc", filter("a1", "latest.source=bbc").toString());
  }

  private static RecordFilter filter(String key, String... conditions) {
    return RecordFilter.of(key, List.of(conditions));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
