package dev.parley.cli;

import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionState;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import dev.parley.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;

/**
 * The Java subscribers docs/subscribing.md shows, run by ThirdPartyClientsIT: a Kafka Streams table
 * of parley.position-state and a plain consumer of parley.position-changes, with Parley's serde.
 */
final class JavaSubscribers {

  private JavaSubscribers() {}

  static KafkaStreams positionStateTable(
      String bootstrap,
      String registryUrl,
      String stateDir,
      BiConsumer<String, PositionState> onUpdate) {
    // [java-streams]
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, PositionState> state =
        builder.table(
            "parley.position-state",
            Consumed.with(Serdes.String(), AvroSerde.forValues(registry, PositionState.class)));
    state
        .toStream()
        .foreach(onUpdate::accept); // a null value: no article states the position any more

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "my-parley-reader");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir); // where the table's local store lives
    // Parley writes in transactions; an at_least_once app reads uncommitted records unless told
    // otherwise
    props.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    streams.start();
    // [/java-streams]
    return streams;
  }

  static void readChanges(
      String bootstrap,
      String registryUrl,
      Duration howLong,
      BiConsumer<String, PositionChange> onChange) {
    // [java-consumer]
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "my-parley-changes-reader",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, PositionChange> consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            AvroSerde.forValues(registry, PositionChange.class).deserializer())) {
      consumer.subscribe(List.of("parley.position-changes"));
      long until = System.currentTimeMillis() + howLong.toMillis();
      while (System.currentTimeMillis() < until) {
        for (ConsumerRecord<String, PositionChange> record :
            consumer.poll(Duration.ofMillis(500))) {
          onChange.accept(record.key(), record.value());
        }
      }
    }
    // [/java-consumer]
  }
}
