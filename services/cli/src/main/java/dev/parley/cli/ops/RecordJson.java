package dev.parley.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.common.DeadLetterHeaders;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryException;
import dev.parley.serde.AvroJson;
import dev.parley.serde.GenericAvroDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;

/**
 * Records of any Parley topic as JSON: the value decoded through the registry, and one line per
 * record for `parley tail`.
 */
public final class RecordJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final GenericAvroDecoder decoder;

  public RecordJson(SchemaRegistryClient registry) {
    this.decoder = new GenericAvroDecoder(registry);
  }

  /** Parley's keys are UTF-8 text. */
  public static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
  }

  /**
   * The decoded value, null for a tombstone. A record that cannot be read throws {@link
   * UnreadableRecordException}, naming it; a registry that cannot be reached at all throws its own
   * exception, since no other record could be read either.
   */
  public JsonNode value(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return null;
    }
    try {
      return AvroJson.of(decoder.decode(record.topic(), record.value()));
    } catch (SerializationException e) {
      if (isDeadLetter(record)) {
        // a dead letter may be there precisely because its value cannot be read: show it, do not
        // skip it
        return NODES
            .objectNode()
            .put("unreadable", e.getMessage())
            .put("bytes", record.value().length);
      }
      throw new UnreadableRecordException(record, e.getMessage());
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 0) {
        throw e;
      }
      throw new UnreadableRecordException(record, e.getMessage());
    }
  }

  /**
   * One line of `parley tail`: where the record is, its key, headers and value; a tombstone says
   * so.
   */
  public static ObjectNode line(ConsumerRecord<byte[], byte[]> record, JsonNode value) {
    ObjectNode line = NODES.objectNode();
    line.put("partition", record.partition());
    line.put("offset", record.offset());
    line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
    line.put("key", key(record));
    if (record.headers().iterator().hasNext()) {
      ObjectNode headers = line.putObject("headers");
      for (Header header : record.headers()) {
        headers.put(
            header.key(),
            header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    if (isDeadLetter(record)) {
      ObjectNode deadLetter = line.putObject("deadLetter");
      DeadLetterHeaders.read(record.headers()).forEach(deadLetter::put);
    } else if (record.value() == null) {
      line.put("tombstone", true);
    }
    line.set("value", value == null ? NODES.nullNode() : value);
    return line;
  }

  private static boolean isDeadLetter(ConsumerRecord<byte[], byte[]> record) {
    return record.topic().equals(Topics.DEAD_LETTERS.name());
  }

  /**
   * A record whose value is not Avro in the wire format, or whose schema the registry does not
   * have.
   */
  public static final class UnreadableRecordException extends RuntimeException {
    UnreadableRecordException(ConsumerRecord<?, ?> record, String reason) {
      super(
          record.topic()
              + " partition "
              + record.partition()
              + " offset "
              + record.offset()
              + ": "
              + reason);
    }
  }
}
