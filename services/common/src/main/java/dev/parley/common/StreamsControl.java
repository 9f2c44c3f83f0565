package dev.parley.common;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The control channel of Parley's Streams apps, so that `parley reprocess` can run Kafka's reset
 * tool, which refuses while an app's consumer group has members. A command is a record keyed by
 * application id with the text {@code stop} or {@code start}. A Kafka topic rather than an HTTP
 * endpoint: the command reaches every instance of the app wherever it runs, needs no address of any
 * service, is guarded by the cluster's own ACLs, and the consumer group's membership confirms that
 * the instances stopped.
 */
public final class StreamsControl {

  /** The name of {@link Topics#CONTROL}, a constant so that command-line help can name it. */
  public static final String TOPIC = "parley.control";

  /** What an instance does when it reads a command for its application id. */
  public enum Command {
    /** Close the Streams app and leave its consumer group; the service stays up, not ready. */
    STOP,
    /** Wipe the local state (stale after a reset) and start the Streams app again. */
    START;

    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Command> parse(String text) {
      for (Command command : values()) {
        if (command.text().equals(text)) {
          return Optional.of(command);
        }
      }
      return Optional.empty();
    }
  }

  private StreamsControl() {}

  public static ProducerRecord<String, String> record(String applicationId, Command command) {
    return new ProducerRecord<>(TOPIC, applicationId, command.text());
  }
}
