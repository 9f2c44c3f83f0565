package dev.parley.common;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Parley's topics with their configs, explicitly, never through auto-creation. Topics that
 * exist already are left as they are. Partitions and replication come from PARLEY_TOPIC_PARTITIONS
 * (default 3) and PARLEY_TOPIC_REPLICATION (default: the cluster's default.replication.factor).
 */
public final class TopicCreator {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

  private TopicCreator() {}

  public static void ensure(ServiceConfig config, Collection<Topic<?>> topics) {
    int partitions = config.getInt(ServiceConfig.TOPIC_PARTITIONS, 3);
    ensure(config, topics.stream().map(t -> newTopic(config, t.name(), partitions, t.configs())).toList());
  }

  /** A topic that carries no Avro data, such as {@link StreamsControl#TOPIC}, with its own partition count. */
  public static void ensure(ServiceConfig config, String name, int partitions, Map<String, String> configs) {
    ensure(config, List.of(newTopic(config, name, partitions, configs)));
  }

  private static NewTopic newTopic(ServiceConfig config, String name, int partitions, Map<String, String> configs) {
    int replication = config.getInt(ServiceConfig.TOPIC_REPLICATION, -1);
    return new NewTopic(name, Optional.of(partitions), replication > 0 ? Optional.of((short) replication) : Optional.empty()).configs(configs);
  }

  private static void ensure(ServiceConfig config, List<NewTopic> wanted) {
    try (Admin admin = Admin.create(KafkaClientSettings.with(config, Map.of(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000)))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
          throw e;
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create Parley's topics on Kafka at " + config.bootstrapServers() + ": "
          + (e.getCause() == null ? e : e.getCause()) + ". Check that the cluster is up and KAFKA_BOOTSTRAP_SERVERS points at it.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }
}
