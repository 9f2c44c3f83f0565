package dev.parley.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.PositionState;
import dev.parley.serde.AvroJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON shape of positions, changes and gaps in the HTTP API and the SSE stream: the Avro
 * records field by field as {@link AvroJson} writes them (so a field added to a schema appears in
 * the API, in the same shape as `parley tail` prints it).
 */
final class StateJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

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

  private static Map<String, Object> record(SpecificRecord record) {
    return JSON.convertValue(AvroJson.of(record), FIELDS);
  }
}
