package dev.parley.common;

import dev.parley.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A typed {@link Topic} as an input or output of a TopologyTestDriver, with the topic's own serdes,
 * so that a topology test reads and writes what the running app does. Shared through common's test
 * jar.
 */
public final class DriverTopics {

  private DriverTopics() {}

  public static <V extends SpecificRecord> TestInputTopic<String, V> input(
      TopologyTestDriver driver, Topic<V> topic, SchemaRegistryClient registry) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde(registry));
  }

  public static <V extends SpecificRecord> TestOutputTopic<String, V> output(
      TopologyTestDriver driver, Topic<V> topic, SchemaRegistryClient registry) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde(registry));
  }
}
