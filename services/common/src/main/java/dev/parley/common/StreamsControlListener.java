package dev.parley.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link StreamsControl#TOPIC} from its end, without a consumer group (every instance must
 * see every command), and hands the commands for one application id to the Streams runner.
 */
final class StreamsControlListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsControlListener.class);
  private static final TopicPartition PARTITION = new TopicPartition(StreamsControl.TOPIC, 0);

  private final String applicationId;
  private final Consumer<StreamsControl.Command> onCommand;
  private final KafkaConsumer<String, String> consumer;
  private final Thread reader;
  private volatile boolean running = true;

  StreamsControlListener(
      KafkaSettings kafka,
      TopicSettings topics,
      String applicationId,
      Consumer<StreamsControl.Command> onCommand) {
    TopicCreator.ensure(kafka, topics, Topics.CONTROL);
    this.applicationId = applicationId;
    this.onCommand = onCommand;
    this.consumer =
        new KafkaConsumer<>(
            kafka.clientConfig(
                Map.of(
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.CLIENT_ID_CONFIG,
                    applicationId + "-control-" + ProcessHandle.current().pid())),
            new StringDeserializer(),
            new StringDeserializer());
    this.reader = new Thread(this::read, applicationId + "-control");
    this.reader.setDaemon(true);
  }

  /** Positions at the end before returning, so that no command sent afterwards is missed. */
  void start() {
    consumer.assign(List.of(PARTITION));
    consumer.seekToEnd(List.of(PARTITION));
    consumer.position(PARTITION, Duration.ofSeconds(30));
    reader.start();
  }

  private void read() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (applicationId.equals(record.key())) {
            StreamsControl.Command.parse(record.value())
                .ifPresentOrElse(
                    this::handle,
                    () ->
                        LOG.warn(
                            "Ignoring an unknown command '{}' for {} on {}",
                            record.value(),
                            applicationId,
                            StreamsControl.TOPIC));
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error(
          "Stopped reading {}: `parley reprocess --stop-apps` can no longer stop the {}; restart it",
          StreamsControl.TOPIC,
          applicationId,
          e);
    } finally {
      consumer.close();
    }
  }

  private void handle(StreamsControl.Command command) {
    try {
      onCommand.accept(command);
    } catch (RuntimeException e) {
      LOG.error(
          "Could not {} the {} as {} asked; restart the service",
          command.text(),
          applicationId,
          StreamsControl.TOPIC,
          e);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    if (reader.getState() == Thread.State.NEW) {
      consumer.close();
      return;
    }
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
