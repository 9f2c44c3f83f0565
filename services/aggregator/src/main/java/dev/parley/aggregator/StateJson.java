package dev.parley.aggregator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.avro.PositionState;
import dev.parley.serde.AvroJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

  /**
   * A change with its key and its coordinates in the change topic, as compact UTF-8 JSON written
   * straight from the record: the SSE stream sends one for every change.
   */
  static byte[] change(StateChange change) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
    try (JsonGenerator json = JSON.getFactory().createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("key", change.key());
      json.writeNumberField("partition", change.partition());
      json.writeNumberField("offset", change.offset());
      AvroJson.writeFields(json, change.change());
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("A state change could not be written as JSON", e);
    }
    return bytes.toByteArray();
  }

  /** Changes as a JSON array, from the JSON each change keeps for the SSE stream. */
  static byte[] changes(List<StateChange> changes) {
    ByteArrayOutputStream array = new ByteArrayOutputStream();
    array.write('[');
    for (int i = 0; i < changes.size(); i++) {
      if (i > 0) {
        array.write(',');
      }
      array.writeBytes(changes.get(i).json());
    }
    array.write(']');
    return array.toByteArray();
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

  /**
   * Compact UTF-8 JSON, like {@link #change}: a line break in a text is escaped, so the JSON is one
   * line.
   */
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
