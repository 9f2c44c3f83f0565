package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.avro.PositionState;
import java.util.Map;

/**
 * Compares two states position by position and field by field, so that a failure names the field.
 */
public final class SameState {

  private SameState() {}

  public static void assertSameState(
      Map<String, PositionState> expected, Map<String, PositionState> actual) {
    assertEquals(expected.keySet(), actual.keySet(), "the same positions");
    expected.forEach(
        (key, state) ->
            state
                .getSchema()
                .getFields()
                .forEach(
                    field ->
                        assertEquals(
                            state.get(field.pos()),
                            actual.get(key).get(field.pos()),
                            key + " " + field.name())));
  }
}
