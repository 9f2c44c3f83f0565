package dev.parley.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * and fixed as base64. Written to a generator as it is walked, so that a stream of large records
 * (the SSE stream's changes) builds no tree.
 */
public final class AvroJson {

  private static final ObjectMapper TREES = new ObjectMapper();

  private AvroJson() {}

  /**
   * A record or other container as a JSON tree; a datum without a schema of its own is written as
   * text.
   */
  public static JsonNode of(Object datum) {
    if (!(datum instanceof GenericContainer container)) {
      return TREES.getNodeFactory().textNode(String.valueOf(datum));
    }
    try (TokenBuffer tokens = new TokenBuffer(TREES, false)) {
      write(tokens, datum, container.getSchema());
      return TREES.readTree(tokens.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException("Avro data could not be read back as JSON", e);
    }
  }

  /** The fields of {@code record}, into the object {@code json} is writing. */
  public static void writeFields(JsonGenerator json, GenericRecord record) throws IOException {
    for (Schema.Field field : record.getSchema().getFields()) {
      json.writeFieldName(field.name());
      write(json, record.get(field.pos()), field.schema());
    }
  }

  private static void write(JsonGenerator json, Object datum, Schema schema) throws IOException {
    if (datum == null) {
      json.writeNull();
      return;
    }
    switch (schema.getType()) {
      case RECORD -> {
        json.writeStartObject();
        writeFields(json, (GenericRecord) datum);
        json.writeEndObject();
      }
      case UNION ->
          write(json, datum, schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)));
      case ARRAY -> {
        json.writeStartArray();
        for (Object item : (Collection<?>) datum) {
          write(json, item, schema.getElementType());
        }
        json.writeEndArray();
      }
      case MAP -> {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) datum).entrySet()) {
          json.writeFieldName(entry.getKey().toString());
          write(json, entry.getValue(), schema.getValueType());
        }
        json.writeEndObject();
      }
      case ENUM, STRING -> json.writeString(datum.toString());
      case BYTES -> json.writeString(Base64.getEncoder().encodeToString(bytes((ByteBuffer) datum)));
      case FIXED ->
          json.writeString(Base64.getEncoder().encodeToString(((GenericFixed) datum).bytes()));
      // generated classes hold logical types converted (Instant, LocalDate); generic data holds the
      // raw numbers
      case INT -> {
        if (datum instanceof LocalDate date) {
          json.writeString(date.toString());
        } else if (isLogical(schema, "date")) {
          json.writeString(LocalDate.ofEpochDay((Integer) datum).toString());
        } else {
          json.writeNumber((Integer) datum);
        }
      }
      case LONG -> {
        if (datum instanceof Instant instant) {
          json.writeString(instant.toString());
        } else {
          writeLong(json, (Long) datum, schema);
        }
      }
      case FLOAT -> writeNumber(json, ((Float) datum).doubleValue());
      case DOUBLE -> writeNumber(json, (Double) datum);
      case BOOLEAN -> json.writeBoolean((Boolean) datum);
      case NULL -> json.writeNull();
    }
  }

  private static void writeLong(JsonGenerator json, long value, Schema schema) throws IOException {
    if (isLogical(schema, "timestamp-millis")) {
      json.writeString(Instant.ofEpochMilli(value).toString());
    } else if (isLogical(schema, "timestamp-micros")) {
      json.writeString(Instant.EPOCH.plus(value, ChronoUnit.MICROS).toString());
    } else {
      json.writeNumber(value);
    }
  }

  /** JSON has no NaN or infinity: they are written as text rather than lost. */
  private static void writeNumber(JsonGenerator json, double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumber(value);
    } else {
      json.writeString(String.valueOf(value));
    }
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
