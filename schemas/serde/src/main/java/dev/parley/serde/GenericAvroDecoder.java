package dev.parley.serde;

import dev.parley.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads any wire-format Avro value with the schema it was written with, fetched from the registry
 * by the id in its header: for tools that look at a topic without knowing its record type.
 */
public final class GenericAvroDecoder {

  private final SchemaRegistryClient registry;
  private final Map<Integer, GenericDatumReader<Object>> readersById = new ConcurrentHashMap<>();

  public GenericAvroDecoder(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  /**
   * A {@code GenericRecord} for record schemas, else the Avro datum; throws when the bytes cannot
   * be read.
   */
  public Object decode(String topic, byte[] data) {
    int id = WireFormat.schemaId(topic, data);
    GenericDatumReader<Object> reader =
        readersById.computeIfAbsent(
            id, writerId -> new GenericDatumReader<>(registry.schemaById(writerId)));
    try {
      return reader.read(
          null,
          DecoderFactory.get()
              .binaryDecoder(
                  data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot read the value with its writer schema (id "
              + id
              + ") from topic "
              + topic
              + ": "
              + e,
          e);
    }
  }
}
