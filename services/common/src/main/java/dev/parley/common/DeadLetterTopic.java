package dev.parley.common;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The dead-letter topic of Parley's Streams apps. Unlike the other topics it carries no one record
 * type: a dead letter keeps the failed input's key and value exactly as read from its source topic
 * (so it can be written back there once the cause is fixed), and says why it failed and where it
 * came from in {@link DeadLetterHeaders}. Declared once in {@link Topics}.
 */
public record DeadLetterTopic(String name, Map<String, String> configs, String purpose) {

  /** One partition: dead letters are rare, and an operator reads them in the order they failed. */
  public static final int PARTITIONS = 1;

  public Serde<byte[]> keySerde() {
    return Serdes.ByteArray();
  }

  public Serde<byte[]> valueSerde() {
    return Serdes.ByteArray();
  }
}
