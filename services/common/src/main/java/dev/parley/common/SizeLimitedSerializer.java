package dev.parley.common;

import java.util.Map;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Checks the size of a value before it is produced. A record over the broker's limit (1 MB by
 * default) fails inside the producer, where under exactly-once it aborts the whole transaction, and
 * then again on every restart. Failing in the serializer instead lets the app's {@link
 * DeadLetterHandler} send the input to the dead letters and go on.
 */
public final class SizeLimitedSerializer<V> implements Serializer<V> {

  /** Kafka's default max.message.bytes is 1 MiB + 12; keys and headers are small. */
  public static final int MAX_VALUE_BYTES = 1_000_000;

  private final Serializer<V> inner;
  private final int maxBytes;

  SizeLimitedSerializer(Serializer<V> inner, int maxBytes) {
    this.inner = inner;
    this.maxBytes = maxBytes;
  }

  /** The serde with its serializer limited to {@link #MAX_VALUE_BYTES}. */
  public static <V> Serde<V> limit(Serde<V> serde) {
    return limit(serde, MAX_VALUE_BYTES);
  }

  static <V> Serde<V> limit(Serde<V> serde, int maxBytes) {
    return Serdes.serdeFrom(
        new SizeLimitedSerializer<>(serde.serializer(), maxBytes), serde.deserializer());
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    inner.configure(configs, isKey);
  }

  @Override
  public byte[] serialize(String topic, V data) {
    return checked(topic, inner.serialize(topic, data));
  }

  @Override
  public byte[] serialize(String topic, Headers headers, V data) {
    return checked(topic, inner.serialize(topic, headers, data));
  }

  private byte[] checked(String topic, byte[] bytes) {
    if (bytes != null && bytes.length > maxBytes) {
      throw new RecordTooLargeException(
          "A record for "
              + topic
              + " would be "
              + bytes.length
              + " bytes, over the "
              + maxBytes
              + "-byte limit of a Kafka record; it is not written. The input that produced it is in "
              + Topics.DEAD_LETTERS.name()
              + ": look at it with `parley tail "
              + Topics.DEAD_LETTERS.name()
              + "`");
    }
    return bytes;
  }

  @Override
  public void close() {
    inner.close();
  }
}
