package dev.parley.cli.ops;

import dev.parley.common.StreamsControl;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stops and starts the instances of Parley's Streams apps through {@link StreamsControl#TOPIC}, and
 * learns from the consumer group, not from the instances, whether they stopped.
 */
final class AppControl implements AutoCloseable {

  private final Admin admin;
  private final KafkaProducer<String, String> producer;

  AppControl(ClusterOptions cluster, Admin admin) throws InterruptedException {
    this.admin = admin;
    try {
      if (!admin.listTopics().names().get().contains(StreamsControl.TOPIC)) {
        throw new IllegalStateException(
            "There is no "
                + StreamsControl.TOPIC
                + " topic on this cluster, so the running apps cannot "
                + "be told to stop: they are older than Parley's control channel. Stop them yourself and run again without --stop-apps.");
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Cannot list the topics: " + e.getCause().getMessage(), e.getCause());
    }
    this.producer =
        new KafkaProducer<>(
            cluster.clientConfig(Map.of(ProducerConfig.ACKS_CONFIG, "all")),
            new StringSerializer(),
            new StringSerializer());
  }

  void send(StreamsApp app, StreamsControl.Command command) {
    try {
      producer.send(StreamsControl.record(app.applicationId(), command)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Cannot send '"
              + command.text()
              + "' to "
              + app.applicationId()
              + " through "
              + StreamsControl.TOPIC
              + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e)
              + ". Check that these credentials may write to it.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while sending '" + command.text() + "' to " + app.applicationId(), e);
    }
  }

  /**
   * Waits until the app's group has no member left; the last status seen, with the members that did
   * not leave.
   */
  AppStatus awaitStopped(StreamsApp app, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    AppStatus status = AppStatus.of(admin, app);
    while (status.running() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = AppStatus.of(admin, app);
    }
    return status;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
