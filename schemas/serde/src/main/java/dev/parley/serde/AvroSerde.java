package dev.parley.serde;

import dev.parley.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for one Avro record type in the Confluent wire format, with the schema registered under
 * {@code <topic>-value} (or {@code -key}) on first use. Reads data written with any registered
 * version of the schema, resolving it to this class's schema.
 */
public final class AvroSerde<T extends SpecificRecord>
    implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final SchemaRegistryClient registry;
  private final Schema schema;
  private final boolean forKeys;
  private final SpecificDatumWriter<T> writer;
  private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

  public AvroSerde(SchemaRegistryClient registry, Class<T> type, boolean forKeys) {
    this(registry, SpecificData.get().getSchema(type), forKeys, Set.of());
  }

  private AvroSerde(
      SchemaRegistryClient registry, Schema schema, boolean forKeys, Set<Class<?>> reused) {
    this.registry = registry;
    this.schema = schema;
    TrustedAvroClasses.trust(schema);
    this.forKeys = forKeys;
    this.writer =
        reused.isEmpty()
            ? new SpecificDatumWriter<>(schema)
            : new ReusedEncodings<>(schema, reused);
  }

  public static <T extends SpecificRecord> AvroSerde<T> forValues(
      SchemaRegistryClient registry, Class<T> type) {
    return new AvroSerde<>(registry, type, false);
  }

  /**
   * This serde, writing each instance of {@code values} (alone or nested) from one encoding made
   * the first time that instance is written: see {@link ReusedEncodings}. Only for record classes
   * whose instances are never changed once built.
   */
  @SafeVarargs
  public final AvroSerde<T> reusingEncodingsOf(Class<? extends SpecificRecord>... values) {
    return new AvroSerde<>(registry, schema, forKeys, Set.of(values));
  }

  public Schema schema() {
    return schema;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    int id = registry.register(subject(topic), schema);
    Output output = OUTPUT.get();
    try {
      output.bytes.write(WireFormat.header(id));
      output.encoder = EncoderFactory.get().binaryEncoder(output.bytes, output.encoder);
      writer.write(data, output.encoder);
      output.encoder.flush();
      return output.bytes.toByteArray();
    } catch (IOException | RuntimeException e) {
      output.encoder = null; // it may still hold part of the failed record
      throw new SerializationException(
          "Cannot write " + schema.getFullName() + " to topic " + topic + ": " + e.getMessage(), e);
    } finally {
      output.reset();
    }
  }

  /**
   * Each thread's buffer and encoder, reused record after record: a Streams app writes a state of
   * several kilobytes for every update, and growing a fresh buffer to that size each time was a
   * tenth of the aggregator's work.
   */
  private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

  private static final class Output {

    /** A buffer grown past this by one large record is dropped, not kept for every later one. */
    private static final int KEPT_BYTES = 64 * 1024;

    private ByteArrayOutputStream bytes = new ByteArrayOutputStream(KEPT_BYTES / 4);
    private BinaryEncoder encoder;

    void reset() {
      if (bytes.size() > KEPT_BYTES) {
        bytes = new ByteArrayOutputStream(KEPT_BYTES / 4);
        encoder = null;
      } else {
        bytes.reset();
      }
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(topic, data);
    SpecificDatumReader<T> reader =
        readersByWriterId.computeIfAbsent(
            id, writerId -> new SpecificDatumReader<>(registry.schemaById(writerId), schema));
    try {
      BinaryDecoder decoder =
          DecoderFactory.get()
              .binaryDecoder(
                  data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot read "
              + schema.getFullName()
              + " (writer schema id "
              + id
              + ") from topic "
              + topic
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private String subject(String topic) {
    return forKeys
        ? SchemaRegistryClient.keySubject(topic)
        : SchemaRegistryClient.valueSubject(topic);
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}
