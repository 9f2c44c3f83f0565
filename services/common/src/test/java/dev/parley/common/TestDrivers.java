package dev.parley.common;

import dev.parley.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * What a TopologyTestDriver test needs to run a topology as the app does: the app's real Streams
 * properties, and each typed {@link Topic} as an input or output with the topic's own serdes.
 * Shared through common's test jar.
 */
public final class TestDrivers {

  private TestDrivers() {}

  /** The app's Streams properties, with its state in {@code stateDir} and the given registry. */
  public static Properties properties(String app, Path stateDir, String registryUrl) {
    return StreamsRunner.properties(
        app,
        ServiceConfig.of(
            Map.of(
                ServiceConfig.STATE_DIR,
                stateDir.toString(),
                ServiceConfig.SCHEMA_REGISTRY_URL,
                registryUrl)));
  }

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
