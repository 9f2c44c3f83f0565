package dev.parley.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.PositionState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON shape of positions, changes and gaps in the HTTP API and the SSE stream: the Avro
 * records field by field (so a field added to a schema appears in the API), times as ISO-8601,
 * enum symbols in lower case.
 */
final class StateJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StateJson() {}

  static Map<String, Object> position(String key, PositionState state) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", key);
    json.putAll(record(state));
    return json;
  }

  static List<Map<String, Object>> positions(Map<String, PositionState> states) {
    return states.entrySet().stream().map(e -> position(e.getKey(), e.getValue())).toList();
  }

  /** A change with its key and its coordinates in the change topic. */
  static Map<String, Object> change(StateChange change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", change.key());
    json.put("partition", change.partition());
    json.put("offset", change.offset());
    json.putAll(record(change.change()));
    return json;
  }

  static Map<String, Object> gap(IssueGap gap) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("negotiation", gap.negotiation());
    json.put("issue", gap.issue());
    json.put("spread", gap.spread());
    json.put("stances", gap.stances());
    json.put("lowest", gap.lowest());
    json.put("highest", gap.highest());
    return json;
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A state change could not be written as JSON", e);
    }
  }

  static String quote(String text) {
    return write(text);
  }

  private static Map<String, Object> record(SpecificRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      json.put(field.name(), value(record.get(field.pos())));
    }
    return json;
  }

  private static Object value(Object value) {
    if (value instanceof SpecificRecord nested) {
      return record(nested);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(StateJson::value).toList();
    }
    if (value instanceof Enum<?> symbol) {
      return symbol.name().toLowerCase();
    }
    if (value instanceof Instant || value instanceof CharSequence) {
      return value.toString();
    }
    return value;
  }
}
