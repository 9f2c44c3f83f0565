package dev.parley.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

/**
 * How a Parley Streams app runs: exactly-once (v2) with a 50 ms commit interval by default, so each
 * hop adds about 0.06 s rather than the up-to-30 s of at-least-once's default commit interval;
 * state under PARLEY_STATE_DIR; a record that cannot be read, processed or written goes to the dead
 * letters ({@link DeadLetterHandler}) and the app goes on, unless PARLEY_ON_BAD_RECORD=fail, which
 * stops the app on it; Kafka's security settings from {@link KafkaSettings}. Each instance joins
 * its group as a static member with a 15 s session (docs/faults.md): one restarted after kill -9
 * takes its partitions back at once, and one that vanished is replaced within 15 s rather than
 * Kafka's default 45 s.
 *
 * @param stateDir the app's own folder under PARLEY_STATE_DIR
 * @param instanceId PARLEY_INSTANCE_ID, or null for the runner to keep one in {@code stateDir}
 *     ({@link StaticMembership})
 * @param sessionTimeoutMs how long a vanished instance keeps its partitions
 *     (PARLEY_SESSION_TIMEOUT_MS)
 * @param standbyReplicas warm copies of each state store on other instances
 *     (PARLEY_STANDBY_REPLICAS, default none), so a task moves to an instance that already has its
 *     state (docs/deployment.md)
 * @param rocksDbMemoryBytes the memory all RocksDB stores of the process share
 *     (PARLEY_ROCKSDB_MEMORY_MB, {@link BoundedRocksDbMemory})
 * @param streamThreads stream threads of the instance (PARLEY_STREAM_THREADS, default 1): an app's
 *     tasks (one per partition) are spread over them, so one busy app can use several cores
 */
public record StreamsSettings(
    String applicationId,
    Path stateDir,
    String processingGuarantee,
    int commitIntervalMs,
    boolean failOnBadRecord,
    String instanceId,
    int sessionTimeoutMs,
    int standbyReplicas,
    long rocksDbMemoryBytes,
    int streamThreads) {

  public static final List<String> PROCESSING_GUARANTEES =
      List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);
  public static final List<String> ON_BAD_RECORD = List.of("dead-letter", "fail");
  public static final int DEFAULT_COMMIT_INTERVAL_MS = 50;
  public static final int DEFAULT_SESSION_TIMEOUT_MS = 15_000;
  public static final int DEFAULT_ROCKSDB_MEMORY_MB = 384;
  public static final int DEFAULT_STREAM_THREADS = 1;
  static final int POLL_MS = 5;

  /** The brokers' default group.min.session.timeout.ms: a shorter session is refused. */
  private static final int MIN_SESSION_TIMEOUT_MS = 6_000;

  public static StreamsSettings from(ServiceConfig config, String app) {
    return new StreamsSettings(
        config.get(ServiceConfig.APPLICATION_ID, defaultApplicationId(app)),
        Path.of(
                config.get(
                    ServiceConfig.STATE_DIR,
                    System.getProperty("java.io.tmpdir") + "/parley-streams"))
            .resolve(app),
        config.getChoice(ServiceConfig.PROCESSING_GUARANTEE, PROCESSING_GUARANTEES),
        config.getInt(ServiceConfig.COMMIT_INTERVAL_MS, DEFAULT_COMMIT_INTERVAL_MS, 1),
        config.getChoice(ServiceConfig.ON_BAD_RECORD, ON_BAD_RECORD).equals("fail"),
        config.get(ServiceConfig.INSTANCE_ID, null),
        config.getInt(
            ServiceConfig.SESSION_TIMEOUT_MS, DEFAULT_SESSION_TIMEOUT_MS, MIN_SESSION_TIMEOUT_MS),
        config.getInt(ServiceConfig.STANDBY_REPLICAS, 0, 0),
        config.getInt(ServiceConfig.ROCKSDB_MEMORY_MB, DEFAULT_ROCKSDB_MEMORY_MB, 16)
            * 1024L
            * 1024L,
        config.getInt(ServiceConfig.STREAM_THREADS, DEFAULT_STREAM_THREADS, 1));
  }

  /**
   * The application id (and consumer group) of a Parley Streams app unless PARLEY_APPLICATION_ID
   * says otherwise.
   */
  public static String defaultApplicationId(String app) {
    return "parley-" + app;
  }

  public Properties properties(KafkaSettings kafka, TopicSettings topics) {
    Properties props = new Properties();
    props.putAll(kafka.clientConfig(Map.of()));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    // A stream thread checks whether its commit is due only between polls, and with nothing new to
    // read it waits in a poll for up to poll.ms (Kafka's default 100 ms): a record processed just
    // after a poll began waited that long again for its commit, at each of the three hops. A 5 ms
    // poll cut one article's way from the ingestor to the SSE stream from 345 to 222 ms at p50
    // (docs/benchmarks.md), for 200 more wake-ups a second of an idle thread.
    props.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, topics.streamsReplicationFactor());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    props.put(BoundedRocksDbMemory.MEMORY_BYTES, rocksDbMemoryBytes);
    if (instanceId != null) {
      props.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    }
    props.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        sessionTimeoutMs);
    // With transactions v2 the broker checks a transaction's first write to a partition with the
    // coordinator; a second request sent meanwhile finds no producer state there and is refused
    // with OutOfOrderSequenceException (logged as an error, then retried). One request in flight
    // per broker ends that; batches grow instead (docs/faults.md).
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
    // The first write of each transaction to a partition is refused with CONCURRENT_TRANSACTIONS
    // while the previous transaction's markers are still being written there: every commit meets
    // it. Retrying after Kafka's default 100 ms (doubling each time) added that much to every
    // hop; the markers take a few milliseconds on a healthy broker.
    props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
    // A state change is tens of kilobytes: with Kafka's 16 KB batches nearly every send opened a
    // new batch and woke the producer's network thread, a system call per record
    props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
    if (failOnBadRecord) {
      props.put(
          StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
          LogAndFailExceptionHandler.class);
      props.put(
          StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
          LogAndFailProcessingExceptionHandler.class);
      props.put(
          StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
          DefaultProductionExceptionHandler.class);
    } else {
      props.put(
          StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
      props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
      props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    }
    return props;
  }
}
