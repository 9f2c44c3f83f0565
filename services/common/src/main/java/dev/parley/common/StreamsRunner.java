package dev.parley.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Streams topology with the settings of {@link StreamsSettings}. A record that cannot be
 * read, processed or written goes to {@link Topics#DEAD_LETTERS} with its coordinates (nothing is
 * silently lost) and the app goes on. Follows {@link StreamsControl}: on {@code stop} it closes the
 * app and leaves the consumer group while the service stays up (not ready); on {@code start} it
 * starts a fresh one.
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

  public StreamsRunner(
      String app, Topology topology, ServiceConfig config, MeterRegistry registry) {
    this(
        app,
        topology,
        KafkaSettings.from(config),
        TopicSettings.from(config),
        StreamsSettings.from(config, app),
        registry);
  }

  public StreamsRunner(
      String app,
      Topology topology,
      KafkaSettings kafka,
      TopicSettings topics,
      StreamsSettings settings,
      MeterRegistry registry) {
    this.app = app;
    this.topology = topology;
    this.properties = settings.properties(kafka, topics);
    properties.putIfAbsent(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
        StaticMembership.keptIn(settings.stateDir()));
    this.registry = registry;
    TopicCreator.ensure(kafka, topics, Topics.DEAD_LETTERS);
    this.streams = create();
    this.control = new StreamsControlListener(kafka, topics, applicationId(), this::follow);
  }

  /**
   * The application id (and consumer group) of a Parley Streams app unless PARLEY_APPLICATION_ID
   * says otherwise.
   */
  public static String defaultApplicationId(String app) {
    return StreamsSettings.defaultApplicationId(app);
  }

  /**
   * The Streams properties of {@code app} under {@code config}, as the runner uses them (for
   * TopologyTestDriver tests).
   */
  public static Properties properties(String app, ServiceConfig config) {
    return StreamsSettings.from(config, app)
        .properties(KafkaSettings.from(config), TopicSettings.from(config));
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
    created.setUncaughtExceptionHandler(new ThreadReplacingHandler(app));
    metrics = new KafkaStreamsMetrics(created);
    metrics.bindTo(registry);
    return created;
  }

  private synchronized void follow(StreamsControl.Command command) {
    switch (command) {
      case STOP -> {
        if (!stoppedByControl) {
          LOG.info(
              "Stopping the {} as {} asked (parley reprocess): it leaves group {} and stays stopped until told to start",
              app,
              StreamsControl.TOPIC,
              applicationId());
          closeStreams();
          stoppedByControl = true;
        }
      }
      case START -> {
        if (stoppedByControl) {
          LOG.info(
              "Starting the {} again as {} asked, with its local state wiped",
              app,
              StreamsControl.TOPIC);
          streams = create();
          // the reset tool moved the committed offsets and may have deleted the changelogs: local
          // state is stale
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
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
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
