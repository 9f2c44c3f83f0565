package dev.parley.common;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Parley's topics with their configs, explicitly, never through auto-creation. Topics that
 * exist already are left as they are. Partitions and replication come from {@link TopicSettings}.
 */
public final class TopicCreator {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

  private TopicCreator() {}

  public static void ensure(ServiceConfig config, Collection<Topic<?>> topics) {
    ensure(KafkaSettings.from(config), TopicSettings.from(config), topics);
  }

  public static void ensure(
      KafkaSettings kafka, TopicSettings settings, Collection<Topic<?>> topics) {
    ensure(kafka, topics.stream().map(settings::newTopic).toList());
  }

  /** A text topic such as {@link Topics#CONTROL}, with its own partition count. */
  public static void ensure(KafkaSettings kafka, TopicSettings settings, TextTopic topic) {
    ensure(kafka, List.of(settings.newTopic(topic)));
  }

  /** The dead letters of the Streams apps, with their own partition count. */
  public static void ensure(KafkaSettings kafka, TopicSettings settings, DeadLetterTopic topic) {
    ensure(kafka, List.of(settings.newTopic(topic)));
  }

  private static void ensure(KafkaSettings kafka, List<NewTopic> wanted) {
    try (Admin admin =
        Admin.create(
            kafka.clientConfig(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000)))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Cannot create topics "
              + wanted.stream().map(NewTopic::name).toList()
              + " on Kafka at "
              + kafka.bootstrapServers()
              + ": "
              + (e.getCause() == null ? e : e.getCause())
              + ". Check that the cluster is up and "
              + ServiceConfig.KAFKA_BOOTSTRAP_SERVERS
              + " points at it.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }
}
