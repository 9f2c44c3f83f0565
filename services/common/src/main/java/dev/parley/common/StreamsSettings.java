package dev.parley.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;

/**
 * How a Parley Streams app runs: exactly-once (v2) with a 100 ms commit interval by default, so each
 * hop adds about 0.2 s rather than the up-to-30 s of at-least-once's default commit interval; state
 * under PARLEY_STATE_DIR; a record that cannot be read stops the app unless
 * PARLEY_ON_BAD_RECORD=skip.
 *
 * @param stateDir the app's own folder under PARLEY_STATE_DIR
 */
public record StreamsSettings(String applicationId, Path stateDir, String processingGuarantee, int commitIntervalMs,
    boolean skipBadRecords) {

  public static final List<String> PROCESSING_GUARANTEES = List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);
  public static final List<String> ON_BAD_RECORD = List.of("fail", "skip");
  public static final int DEFAULT_COMMIT_INTERVAL_MS = 100;

  public static StreamsSettings from(ServiceConfig config, String app) {
    return new StreamsSettings(
        config.get(ServiceConfig.APPLICATION_ID, defaultApplicationId(app)),
        Path.of(config.get(ServiceConfig.STATE_DIR, System.getProperty("java.io.tmpdir") + "/parley-streams")).resolve(app),
        config.getChoice(ServiceConfig.PROCESSING_GUARANTEE, PROCESSING_GUARANTEES),
        config.getInt(ServiceConfig.COMMIT_INTERVAL_MS, DEFAULT_COMMIT_INTERVAL_MS, 1),
        config.getChoice(ServiceConfig.ON_BAD_RECORD, ON_BAD_RECORD).equals("skip"));
  }

  /** The application id (and consumer group) of a Parley Streams app unless PARLEY_APPLICATION_ID says otherwise. */
  public static String defaultApplicationId(String app) {
    return "parley-" + app;
  }

  public Properties properties(KafkaSettings kafka, TopicSettings topics) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, topics.streamsReplicationFactor());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        skipBadRecords ? LogAndContinueExceptionHandler.class : LogAndFailExceptionHandler.class);
    return props;
  }
}
