package dev.parley.cli.ops;

import dev.parley.common.KafkaSettings;
import dev.parley.common.ServiceConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * The Kafka cluster an operating command works on: the local default unless the environment
 * (KAFKA_BOOTSTRAP_SERVERS, as for the services) or these options say otherwise, plus client
 * properties for a secured cluster.
 */
public final class ClusterOptions {

  private static final int ANSWER_SECONDS = 15;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description =
          "Kafka cluster (default: env KAFKA_BOOTSTRAP_SERVERS, else localhost:9092, the local default).")
  String bootstrapServers;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description =
          "Client properties for a secured cluster (security.protocol, sasl.*, ssl.*), as Kafka's own tools take them.")
  Path commandConfig;

  public String bootstrapServers() {
    return bootstrapServers != null
        ? bootstrapServers
        : ServiceConfig.fromEnvironment().bootstrapServers();
  }

  /** The properties file given with --command-config, for Kafka's own tools; null without one. */
  public Path commandConfig() {
    return commandConfig;
  }

  /** An admin client of a cluster that answered, or a failure that says how to reach one. */
  public Admin admin() {
    Admin admin =
        Admin.create(
            clientConfig(
                Map.of(
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ANSWER_SECONDS * 1000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ANSWER_SECONDS * 1000)));
    try {
      admin.describeCluster().clusterId().get(ANSWER_SECONDS, TimeUnit.SECONDS);
      return admin;
    } catch (ExecutionException | TimeoutException e) {
      admin.close();
      throw new IllegalStateException(
          "No Kafka cluster answers at "
              + bootstrapServers()
              + " within "
              + ANSWER_SECONDS
              + " s. Start the local default with `./parley up`, or point KAFKA_BOOTSTRAP_SERVERS (or --bootstrap-servers) at your cluster.");
    } catch (InterruptedException e) {
      admin.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while reaching Kafka at " + bootstrapServers(), e);
    }
  }

  /** Reads what transactions committed only, as Parley's exactly-once apps do; joins no group. */
  public KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        clientConfig(
            Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000)),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /**
   * Durable and without duplicates from retries: acknowledged by every in-sync replica, idempotent.
   */
  public KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        clientConfig(
            KafkaSettings.durableProducer(
                Map.of(
                    ProducerConfig.LINGER_MS_CONFIG,
                    20,
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    256 * 1024,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    8 * 1024 * 1024))),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /** The given settings over the --command-config file over the bootstrap servers. */
  public Map<String, Object> clientConfig(Map<String, Object> settings) {
    Map<String, Object> config =
        KafkaSettings.from(ServiceConfig.fromEnvironment()).clientConfig(Map.of());
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    if (commandConfig != null) {
      Properties file = new Properties();
      try (Reader reader = Files.newBufferedReader(commandConfig)) {
        file.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Cannot read --command-config "
                + commandConfig
                + " ("
                + e.getMessage()
                + "); give a Java properties file of Kafka client settings.",
            e);
      }
      file.forEach((k, v) -> config.put(k.toString(), v));
    }
    config.putAll(settings);
    return config;
  }
}
