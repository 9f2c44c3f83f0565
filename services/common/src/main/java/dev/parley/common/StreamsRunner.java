package dev.parley.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
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
 */
public final class StreamsRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics metrics;

  public StreamsRunner(String app, Topology topology, ServiceConfig config, MeterRegistry registry) {
    this.streams = new KafkaStreams(topology, properties(app, config));
    this.streams.setUncaughtExceptionHandler(e -> {
      LOG.error("The {} stopped on an unexpected error; fix the cause and restart it (its progress is committed, nothing is lost)", app, e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    this.metrics = new KafkaStreamsMetrics(streams);
    this.metrics.bindTo(registry);
  }

  public static Properties properties(String app, ServiceConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(ServiceConfig.APPLICATION_ID, "parley-" + app));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().resolve(app).toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(ServiceConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getInt(ServiceConfig.COMMIT_INTERVAL_MS, 100));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(ServiceConfig.TOPIC_REPLICATION, -1));
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        config.get(ServiceConfig.ON_BAD_RECORD, "fail").equals("skip") ? LogAndContinueExceptionHandler.class : LogAndFailExceptionHandler.class);
    return props;
  }

  public void start() {
    streams.start();
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  public KafkaStreams streams() {
    return streams;
  }

  @Override
  public void close() {
    metrics.close();
    streams.close(Duration.ofSeconds(30));
  }
}
