package dev.parley.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Streams topology with Parley's defaults: exactly-once (v2) with a 100 ms commit interval,
 * so each hop adds about 0.2 s rather than the up-to-30 s of at-least-once's default commit
 * interval; state under PARLEY_STATE_DIR. A record that cannot be read stops the app with the
 * record's coordinates (nothing is silently lost); PARLEY_ON_BAD_RECORD=skip logs and skips it.
 * Follows {@link StreamsControl}: on {@code stop} it closes the app and leaves the consumer group
 * while the service stays up (not ready); on {@code start} it starts a fresh one.
 */
public final class StreamsRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

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
    this.streams = create();
    this.control = new StreamsControlListener(config, applicationId(), this::follow);
  }

  /** The application id (and consumer group) of a Parley Streams app unless PARLEY_APPLICATION_ID says otherwise. */
  public static String defaultApplicationId(String app) {
    return "parley-" + app;
  }

  public static Properties properties(String app, ServiceConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(ServiceConfig.APPLICATION_ID, defaultApplicationId(app)));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().resolve(app).toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(ServiceConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getInt(ServiceConfig.COMMIT_INTERVAL_MS, 100));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(ServiceConfig.TOPIC_REPLICATION, -1));
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    props.put(BoundedRocksDbMemory.MEMORY_BYTES, config.getInt(ServiceConfig.ROCKSDB_MEMORY_MB, 128) * 1024L * 1024L);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        config.get(ServiceConfig.ON_BAD_RECORD, "fail").equals("skip") ? LogAndContinueExceptionHandler.class : LogAndFailExceptionHandler.class);
    return props;
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
