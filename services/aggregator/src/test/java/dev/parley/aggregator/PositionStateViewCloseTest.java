package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.common.KafkaSettings;
import dev.parley.common.ServiceConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The view's reader against a Kafka that is gone (an address where nothing listens): it keeps
 * starting again, and a close ends it at once whatever it is doing, so that the aggregator's stop
 * is bounded and final.
 */
class PositionStateViewCloseTest {

  @Test
  void aViewWhoseKafkaIsGoneKeepsTryingAndACloseWhileItStartsAgainEndsIt() throws Exception {
    PositionStateView view = viewOfGoneKafka(Duration.ofMillis(200));
    view.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (view.restarts() < 2) {
      assertTrue(System.nanoTime() < deadline, "the reader started again " + view.restarts());
      Thread.sleep(50);
    }
    assertTimeoutPreemptively(Duration.ofSeconds(5), view::close);
    assertFalse(readerAlive(), "the reader thread ended with the close");
    int restarts = view.restarts();
    Thread.sleep(1_500);
    assertTrue(restarts == view.restarts(), "a closed view starts no reader again");
  }

  @Test
  void aCloseWhileTheReaderWaitsForKafkaEndsItWithoutWaitingForKafka() throws Exception {
    PositionStateView view = viewOfGoneKafka(Duration.ofMinutes(5));
    view.start();
    Thread.sleep(500);
    assertTimeoutPreemptively(Duration.ofSeconds(5), view::close);
    assertFalse(readerAlive(), "the reader thread ended with the close");
  }

  @Test
  void aViewClosedBeforeItStartedClosesItsReader() {
    PositionStateView view = viewOfGoneKafka(Duration.ofMinutes(5));
    assertTimeoutPreemptively(Duration.ofSeconds(5), view::close);
    assertFalse(readerAlive());
  }

  private static PositionStateView viewOfGoneKafka(Duration kafkaWait) {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                ServiceConfig.KAFKA_BOOTSTRAP_SERVERS,
                "127.0.0.1:" + unusedPort(),
                ServiceConfig.SCHEMA_REGISTRY_URL,
                "http://127.0.0.1:" + unusedPort()));
    KafkaSettings kafka = KafkaSettings.from(config);
    return new PositionStateView(kafka, kafka.schemaRegistry(), kafkaWait);
  }

  private static boolean readerAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("position-state-view") && t.isAlive());
  }

  private static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
