package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control listener on a real broker: it creates the topic, and hands over only its own app's
 * commands sent after it started.
 */
class StreamsControlListenerIT {

  private static SingleBrokerCluster kafka;
  private static KafkaProducer<String, String> producer;

  @BeforeAll
  static void start() throws Exception {
    kafka = SingleBrokerCluster.start();
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer());
  }

  @AfterAll
  static void stop() throws Exception {
    producer.close();
    kafka.close();
  }

  @Test
  void handsOverTheCommandsForItsApplicationIdOnlyInOrder() throws Exception {
    BlockingQueue<StreamsControl.Command> received = new LinkedBlockingQueue<>();
    ServiceConfig config = kafka.config();
    try (StreamsControlListener listener =
        new StreamsControlListener(
            KafkaSettings.from(config), TopicSettings.from(config), "parley-test", received::add)) {
      producer
          .send(StreamsControl.record("parley-test", StreamsControl.Command.STOP))
          .get(30, TimeUnit.SECONDS); // before start: missed
      listener.start();
      producer
          .send(StreamsControl.record("parley-other", StreamsControl.Command.STOP))
          .get(30, TimeUnit.SECONDS);
      producer
          .send(new ProducerRecord<>(StreamsControl.TOPIC, "parley-test", "pause"))
          .get(30, TimeUnit.SECONDS);
      producer
          .send(StreamsControl.record("parley-test", StreamsControl.Command.STOP))
          .get(30, TimeUnit.SECONDS);
      producer
          .send(StreamsControl.record("parley-test", StreamsControl.Command.START))
          .get(30, TimeUnit.SECONDS);
      assertEquals(StreamsControl.Command.STOP, received.poll(30, TimeUnit.SECONDS));
      assertEquals(StreamsControl.Command.START, received.poll(30, TimeUnit.SECONDS));
      assertNull(received.poll(2, TimeUnit.SECONDS), "nothing else is for parley-test");
    }
  }
}
