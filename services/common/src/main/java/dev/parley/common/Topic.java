package dev.parley.common;

import dev.parley.registry.SchemaRegistryClient;
import dev.parley.serde.AvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Parley topic: its name, its topic configs, string keys and Avro values of one record type in
 * the Confluent wire format. Declared once in {@link Topics}.
 */
public record Topic<V extends SpecificRecord>(
    String name, Class<V> valueType, Map<String, String> configs, String purpose) {

  public Serde<String> keySerde() {
    return Serdes.String();
  }

  public AvroSerde<V> valueSerde(SchemaRegistryClient registry) {
    return AvroSerde.forValues(registry, valueType);
  }

  public Consumed<String, V> consumed(SchemaRegistryClient registry) {
    return Consumed.with(keySerde(), valueSerde(registry));
  }

  /**
   * Values over Kafka's record limit fail before they reach the producer: see {@link
   * SizeLimitedSerializer}.
   */
  public Produced<String, V> produced(SchemaRegistryClient registry) {
    return Produced.with(keySerde(), SizeLimitedSerializer.limit(valueSerde(registry)));
  }

  /**
   * As {@link #produced(SchemaRegistryClient)}, for a writer that writes the same {@code values}
   * instances in several records: each is encoded once ({@link AvroSerde#reusingEncodingsOf}).
   */
  @SafeVarargs
  public final Produced<String, V> produced(
      SchemaRegistryClient registry, Class<? extends SpecificRecord>... values) {
    return Produced.with(
        keySerde(), SizeLimitedSerializer.limit(valueSerde(registry).reusingEncodingsOf(values)));
  }
}
