package dev.parley.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro data as the JSON a person reads and jq filters: unions as their value (not Avro's {@code
 * {"string": ...}} wrapping), timestamps and dates as ISO-8601 text, enums as their symbol, bytes
 * and fixed as base64.
 */
public final class AvroJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  /**
   * A record or other container as JSON; a datum without a schema of its own is written as text.
   */
  public static JsonNode of(Object datum) {
    return datum instanceof GenericContainer container
        ? of(datum, container.getSchema())
        : NODES.textNode(String.valueOf(datum));
  }

  public static JsonNode of(Object datum, Schema schema) {
    if (datum == null) {
      return NODES.nullNode();
    }
    return switch (schema.getType()) {
      case RECORD -> record((GenericRecord) datum);
      case UNION -> of(datum, schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)));
      case ARRAY -> array((Collection<?>) datum, schema.getElementType());
      case MAP -> map((Map<?, ?>) datum, schema.getValueType());
      case ENUM, STRING -> NODES.textNode(datum.toString());
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) datum)));
      case FIXED ->
          NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) datum).bytes()));
      // generated classes hold logical types converted (Instant, LocalDate); generic data holds the
      // raw numbers
      case INT ->
          datum instanceof LocalDate date
              ? NODES.textNode(date.toString())
              : isLogical(schema, "date")
                  ? NODES.textNode(LocalDate.ofEpochDay((Integer) datum).toString())
                  : NODES.numberNode((Integer) datum);
      case LONG ->
          datum instanceof Instant instant
              ? NODES.textNode(instant.toString())
              : longValue((Long) datum, schema);
      case FLOAT -> number(((Float) datum).doubleValue());
      case DOUBLE -> number((Double) datum);
      case BOOLEAN -> NODES.booleanNode((Boolean) datum);
      case NULL -> NODES.nullNode();
    };
  }

  private static ObjectNode record(GenericRecord record) {
    ObjectNode json = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      json.set(field.name(), of(record.get(field.pos()), field.schema()));
    }
    return json;
  }

  private static ArrayNode array(Collection<?> items, Schema itemSchema) {
    ArrayNode json = NODES.arrayNode();
    items.forEach(item -> json.add(of(item, itemSchema)));
    return json;
  }

  private static ObjectNode map(Map<?, ?> entries, Schema valueSchema) {
    ObjectNode json = NODES.objectNode();
    entries.forEach((key, value) -> json.set(key.toString(), of(value, valueSchema)));
    return json;
  }

  private static JsonNode longValue(long value, Schema schema) {
    if (isLogical(schema, "timestamp-millis")) {
      return NODES.textNode(Instant.ofEpochMilli(value).toString());
    }
    if (isLogical(schema, "timestamp-micros")) {
      return NODES.textNode(Instant.EPOCH.plus(value, ChronoUnit.MICROS).toString());
    }
    return NODES.numberNode(value);
  }

  /** JSON has no NaN or infinity: they are written as text rather than lost. */
  private static JsonNode number(double value) {
    return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(String.valueOf(value));
  }

  private static boolean isLogical(Schema schema, String name) {
    LogicalType type = schema.getLogicalType();
    return type != null && type.getName().equals(name);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
