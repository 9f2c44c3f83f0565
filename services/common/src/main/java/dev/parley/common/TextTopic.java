package dev.parley.common;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Parley topic of text keys and text values, with a partition count of its own rather than
 * PARLEY_TOPIC_PARTITIONS: the control channel and the registry's store, whose records must stay in
 * order. Declared once in {@link Topics}.
 */
public record TextTopic(String name, int partitions, Map<String, String> configs, String purpose) {

  public Serde<String> keySerde() {
    return Serdes.String();
  }

  public Serde<String> valueSerde() {
    return Serdes.String();
  }

  /** The same topic under another name, for a deployment that renames it. */
  public TextTopic named(String otherName) {
    return new TextTopic(otherName, partitions, configs, purpose);
  }
}
