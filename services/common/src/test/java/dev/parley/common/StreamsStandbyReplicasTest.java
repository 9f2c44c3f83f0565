package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** PARLEY_STANDBY_REPLICAS reaches Kafka Streams as num.standby.replicas; none unless asked for. */
class StreamsStandbyReplicasTest {

  @Test
  void noStandbysByDefault() {
    assertEquals(0, StreamsRunner.properties("aggregator", ServiceConfig.of(Map.of())).get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG));
  }

  @Test
  void theVariableSetsTheStandbyCount() {
    ServiceConfig config = ServiceConfig.of(Map.of(ServiceConfig.STANDBY_REPLICAS, "2"));
    assertEquals(2, StreamsRunner.properties("aggregator", config).get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG));
  }
}
