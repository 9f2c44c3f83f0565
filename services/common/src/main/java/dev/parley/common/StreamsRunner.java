package dev.parley.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Streams topology with Parley's defaults: exactly-once (v2) with a 100 ms commit interval,
 * so each hop adds about 0.2 s rather than the up-to-30 s of at-least-once's default commit
 * interval; state under PARLEY_STATE_DIR. A record that cannot be read, processed or written goes to
 * the dead letters ({@link DeadLetterHandler}) and the app goes on; PARLEY_ON_BAD_RECORD=fail stops
 * the app on it instead. Kafka's security settings come from the environment
 * ({@link KafkaClientSettings}).
 * Follows {@link StreamsControl}: on {@code stop} it closes the app and leaves the consumer group
 * while the service stays up (not ready); on {@code start} it starts a fresh one.
 */
public final class StreamsRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final String DEAD_LETTER = "dead-letter";
  private static final String FAIL = "fail";

  private final String app;
  private final Topology topology;
  private final Properties properties;
  private final MeterRegistry registry;
  private final StreamsControlListener control;
  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics metrics;
  private boolean stoppedByControl;

  public StreamsRunner(String app, Topology topology, ServiceConfig config, MeterRegistry registry) {
    this.app = app;
    this.topology = topology;
    this.properties = properties(app, config);
    this.registry = registry;
    Topics.DEAD_LETTERS.ensure(config);
    this.streams = create();
    this.control = new StreamsControlListener(config, applicationId(), this::follow);
  }

  /** The application id (and consumer group) of a Parley Streams app unless PARLEY_APPLICATION_ID says otherwise. */
  public static String defaultApplicationId(String app) {
    return "parley-" + app;
  }

  public static Properties properties(String app, ServiceConfig config) {
    Properties props = new Properties();
    props.putAll(KafkaClientSettings.of(config));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(ServiceConfig.APPLICATION_ID, defaultApplicationId(app)));
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().resolve(app).toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(ServiceConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getInt(ServiceConfig.COMMIT_INTERVAL_MS, 100));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(ServiceConfig.TOPIC_REPLICATION, -1));
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
    if (failOnBadRecord(config)) {
      props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class);
      props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
      props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class);
    } else {
      props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
      props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
      props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    }
    return props;
  }

  private static boolean failOnBadRecord(ServiceConfig config) {
    String choice = config.get(ServiceConfig.ON_BAD_RECORD, DEAD_LETTER);
    if (!choice.equals(DEAD_LETTER) && !choice.equals(FAIL)) {
      throw new IllegalArgumentException(ServiceConfig.ON_BAD_RECORD + "=" + choice + " is not a choice: set it to " + DEAD_LETTER
          + " (the default: the record goes to " + Topics.DEAD_LETTERS.name() + " and the app goes on) or " + FAIL + " (the app stops on it)");
    }
    return choice.equals(FAIL);
  }

  public String applicationId() {
    return properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
  }

  public synchronized void start() {
    streams.start();
    control.start();
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  private KafkaStreams create() {
    KafkaStreams created = new KafkaStreams(topology, properties);
    created.setUncaughtExceptionHandler(e -> {
      LOG.error("The {} stopped on an unexpected error; fix the cause and restart it (its progress is committed, nothing is lost)", app, e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    metrics = new KafkaStreamsMetrics(created);
    metrics.bindTo(registry);
    return created;
  }

  private synchronized void follow(StreamsControl.Command command) {
    switch (command) {
      case STOP -> {
        if (!stoppedByControl) {
          LOG.info("Stopping the {} as {} asked (parley reprocess): it leaves group {} and stays stopped until told to start",
              app, StreamsControl.TOPIC, applicationId());
          closeStreams();
          stoppedByControl = true;
        }
      }
      case START -> {
        if (stoppedByControl) {
          LOG.info("Starting the {} again as {} asked, with its local state wiped", app, StreamsControl.TOPIC);
          streams = create();
          // the reset tool moved the committed offsets and may have deleted the changelogs: local state is stale
          streams.cleanUp();
          streams.start();
          stoppedByControl = false;
        }
      }
    }
  }

  /**
   * Leaves the consumer group at once rather than when the session times out (45 s), so that the
   * reset tool and a restarted instance need not wait for a member that is gone.
   */
  private void closeStreams() {
    metrics.close();
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT));
  }

  @Override
  public void close() {
    control.close();
    synchronized (this) {
      if (!stoppedByControl) {
        closeStreams();
      }
    }
  }
}
