package dev.parley.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the schema's registry id as a 4-byte big-endian int, then
 * the Avro binary encoding of the record.
 */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** The schema id in a record's header; throws when the bytes are not in the wire format. */
  public static int schemaId(String topic, byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException(
          "Record on topic "
              + topic
              + " has "
              + data.length
              + " bytes, fewer than the 5-byte Confluent wire-format header: it was not written by an Avro wire-format serializer.");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(
          "Record on topic "
              + topic
              + " starts with byte "
              + data[0]
              + ", not the Confluent wire-format magic byte 0: it was not written by an Avro wire-format serializer.");
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
