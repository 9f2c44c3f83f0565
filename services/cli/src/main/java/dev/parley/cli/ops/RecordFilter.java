package dev.parley.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.serde.AvroJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which records a command takes: an exact key and {@code field=value} conditions on the value as
 * {@link AvroJson} writes it. A dotted path goes into nested records ({@code
 * causedBy.source=reuters}); through an array it matches when any element does ({@code
 * positions.actor=russia}). All conditions must hold; a tombstone has no fields, so it matches only
 * when there is no condition.
 */
public final class RecordFilter {

  /** One {@code path=value} condition. */
  public record Condition(List<String> path, String value) {

    public static Condition parse(String text) {
      int equals = text.indexOf('=');
      if (equals <= 0 || text.substring(0, equals).isBlank()) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is not a condition: write FIELD=VALUE, e.g. source=reuters or causedBy.source=reuters.");
      }
      return new Condition(
          List.of(text.substring(0, equals).trim().split("\\.")), text.substring(equals + 1));
    }

    boolean holds(JsonNode value) {
      return holds(value, 0);
    }

    private boolean holds(JsonNode node, int depth) {
      if (node.isArray()) {
        for (JsonNode element : node) {
          if (holds(element, depth)) {
            return true;
          }
        }
        return false;
      }
      if (depth == path.size()) {
        return node.isValueNode() && node.asText().equals(value)
            || node.isNull() && value.equals("null");
      }
      return node.isObject()
          && node.has(path.get(depth))
          && holds(node.get(path.get(depth)), depth + 1);
    }

    @Override
    public String toString() {
      return String.join(".", path) + "=" + value;
    }
  }

  private final String key;
  private final List<Condition> conditions;

  public RecordFilter(String key, List<Condition> conditions) {
    this.key = key;
    this.conditions = List.copyOf(conditions);
  }

  public static RecordFilter of(String key, List<String> conditions) {
    List<Condition> parsed = new ArrayList<>();
    conditions.forEach(c -> parsed.add(Condition.parse(c)));
    return new RecordFilter(key, parsed);
  }

  /** Whether the value is needed at all: without conditions nothing is decoded. */
  public boolean readsValues() {
    return !conditions.isEmpty();
  }

  /**
   * {@code value} yields the decoded value, or null for a tombstone; it is only asked for when a
   * condition needs it.
   */
  public boolean matches(String recordKey, Supplier<JsonNode> value) {
    if (key != null && !key.equals(recordKey)) {
      return false;
    }
    if (conditions.isEmpty()) {
      return true;
    }
    JsonNode decoded = value.get();
    return decoded != null && conditions.stream().allMatch(c -> c.holds(decoded));
  }

  /** The options that select the same records, e.g. for a command that resumes. */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    if (key != null) {
      arguments.add("--key");
      arguments.add(key);
    }
    conditions.forEach(
        c -> {
          arguments.add("--where");
          arguments.add(c.toString());
        });
    return arguments;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (key != null) {
      parts.add("key=" + key);
    }
    conditions.forEach(c -> parts.add(c.toString()));
    return parts.isEmpty() ? "every record" : String.join(" and ", parts);
  }
}
