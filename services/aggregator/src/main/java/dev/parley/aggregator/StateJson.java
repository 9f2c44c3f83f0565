package dev.parley.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private StateJson() {}

  static ObjectNode position(String key, PositionState state) {
    ObjectNode json = JSON.createObjectNode().put("key", key);
    json.setAll(record(state));
    return json;
  }

  static List<ObjectNode> positions(Map<String, PositionState> states) {
    return states.entrySet().stream().map(e -> position(e.getKey(), e.getValue())).toList();
  }

  /** A change with its key and its coordinates in the change topic. */
  static ObjectNode change(StateChange change) {
    ObjectNode json =
        JSON.createObjectNode()
            .put("key", change.key())
            .put("partition", change.partition())
            .put("offset", change.offset());
    json.setAll(record(change.change()));
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

  /** Compact UTF-8 JSON: a line break in a text is escaped, so the JSON is one line. */
  static byte[] writeBytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A state change could not be written as JSON", e);
    }
  }

  private static ObjectNode record(SpecificRecord record) {
    return (ObjectNode) AvroJson.of(record);
  }
}
