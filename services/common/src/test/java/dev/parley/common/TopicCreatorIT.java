package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TopicCreator on a real KRaft broker: every declared topic with its partitions and configs,
 * existing ones untouched.
 */
class TopicCreatorIT {

  private static SingleBrokerCluster kafka;
  private static Admin admin;

  @BeforeAll
  static void start() throws Exception {
    kafka = SingleBrokerCluster.start();
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
    kafka.close();
  }

  @Test
  void createsEveryDataTopicWithItsConfigsAndThePartitionsAsked() throws Exception {
    ServiceConfig config =
        kafka
            .config()
            .with(ServiceConfig.TOPIC_PARTITIONS, "2")
            .with(ServiceConfig.TOPIC_REPLICATION, "1");
    TopicCreator.ensure(config, Topics.ALL);
    TopicCreator.ensure(config, Topics.ALL); // a second start finds them and changes nothing
    for (Topic<?> topic : Topics.ALL) {
      assertEquals(2, describe(topic.name()).partitions().size(), topic.name());
      Config actual = configs(topic.name());
      topic
          .configs()
          .forEach(
              (key, value) ->
                  assertEquals(value, actual.get(key).value(), topic.name() + " " + key));
    }
  }

  @Test
  void textTopicsKeepTheirOwnPartitionCount() throws Exception {
    ServiceConfig config = kafka.config().with(ServiceConfig.TOPIC_PARTITIONS, "5");
    TopicSettings settings = TopicSettings.from(config);
    TopicCreator.ensure(KafkaSettings.from(config), settings, Topics.CONTROL);
    TopicCreator.ensure(KafkaSettings.from(config), settings, Topics.SCHEMAS.named("test-schemas"));
    assertEquals(1, describe(Topics.CONTROL.name()).partitions().size());
    assertEquals("delete", configs(Topics.CONTROL.name()).get("cleanup.policy").value());
    assertEquals(1, describe("test-schemas").partitions().size());
    assertEquals("compact", configs("test-schemas").get("cleanup.policy").value());
  }

  @Test
  void leavesATopicThatExistsAsItIs() throws Exception {
    String name = "parley.existing";
    admin
        .createTopics(List.of(new NewTopic(name, Optional.of(7), Optional.empty())))
        .all()
        .get(30, TimeUnit.SECONDS);
    Topic<?> declared =
        new Topic<>(
            name, dev.parley.avro.Article.class, Map.of("cleanup.policy", "compact"), "test");
    TopicCreator.ensure(kafka.config(), List.of(declared));
    assertEquals(7, describe(name).partitions().size());
    assertEquals("delete", configs(name).get("cleanup.policy").value());
  }

  /**
   * The topic as the broker describes it, once its metadata has caught up with a creation just
   * made.
   */
  private static TopicDescription describe(String topic) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return admin
            .describeTopics(Set.of(topic))
            .allTopicNames()
            .get(30, TimeUnit.SECONDS)
            .get(topic);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static Config configs(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
  }
}
