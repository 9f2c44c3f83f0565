package dev.parley.cli.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the cluster's topics with their partitions, replication, cleanup policy, retention and end offsets, then "
          + "Parley's Streams apps (consumer groups parley-extractor, parley-aggregator and any other parley-*) with their state, "
          + "running instances and lag per input topic.",
      "End offsets and lag count committed records only, as Parley's exactly-once apps read them."
    },
    footer = {
      "",
      "Examples:",
      "  ./parley topics",
      "  ./parley topics --group-prefix newsroom-   apps with other application ids",
      "  KAFKA_BOOTSTRAP_SERVERS=kafka:9092 ./parley topics",
      "  ./parley topics --bootstrap-servers kafka:9093 --command-config ssl.properties"
    })
public final class TopicsCommand implements Callable<Integer> {

  @Option(
      names = "--group-prefix",
      defaultValue = "parley-",
      description = "Consumer groups to show (default ${DEFAULT-VALUE}).")
  String groupPrefix;

  @Mixin ClusterOptions cluster;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = cluster.admin()) {
      Map<String, TopicDescription> topics =
          new TreeMap<>(
              admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get());
      Map<ConfigResource, Config> configs =
          admin
              .describeConfigs(
                  topics.keySet().stream()
                      .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                      .toList())
              .all()
              .get();
      List<TopicPartition> partitions =
          topics.values().stream()
              .flatMap(
                  t ->
                      t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
              .toList();
      Map<TopicPartition, Long> ends = AppStatus.offsets(admin, partitions, OffsetSpec.latest());

      out.printf("Kafka at %s%n%n", cluster.bootstrapServers());
      int nameWidth = topics.keySet().stream().mapToInt(String::length).max().orElse(5);
      String topicRow = "%-" + nameWidth + "s %10s %8s %-14s %-9s %s%n";
      out.printf(
          topicRow,
          "topic",
          "partitions",
          "replicas",
          "cleanup",
          "retention",
          "end offsets: total (per partition)");
      for (TopicDescription topic : topics.values()) {
        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
        List<Long> perPartition =
            topic.partitions().stream()
                .map(p -> ends.get(new TopicPartition(topic.name(), p.partition())))
                .toList();
        out.printf(
            topicRow,
            topic.name(),
            topic.partitions().size(),
            topic.partitions().get(0).replicas().size(),
            value(config, TopicConfig.CLEANUP_POLICY_CONFIG),
            retention(config),
            String.format(
                "%,d (%s)",
                perPartition.stream().mapToLong(Long::longValue).sum(),
                perPartition.stream().map(String::valueOf).collect(Collectors.joining(", "))));
      }

      out.println();
      String appRow = "%-28s %-20s %9s  %-" + nameWidth + "s %s%n";
      out.printf(appRow, "app (consumer group)", "state", "instances", "input topic", "lag");
      for (StreamsApp app : apps(admin)) {
        AppStatus status = AppStatus.of(admin, app);
        String state =
            status.state()
                + (status.running() || status.lagByTopic().isEmpty() ? "" : ", not running");
        if (status.lagByTopic().isEmpty()) {
          out.printf(
              appRow,
              app.applicationId(),
              state,
              status.members().size(),
              "(never committed here)",
              "");
        }
        boolean first = true;
        for (Map.Entry<String, Long> lag : status.lagByTopic().entrySet()) {
          out.printf(
              appRow,
              first ? app.applicationId() : "",
              first ? state : "",
              first ? String.valueOf(status.members().size()) : "",
              lag.getKey(),
              String.format("%,d", lag.getValue())
                  + undecided(status.undecidedByTopic().getOrDefault(lag.getKey(), 0L)));
          first = false;
        }
      }
    }
    return 0;
  }

  /** Parley's own apps first, even if they never ran here, then any other group with the prefix. */
  private Collection<StreamsApp> apps(Admin admin) throws Exception {
    Map<String, StreamsApp> apps = new LinkedHashMap<>();
    StreamsApp.defaults().stream()
        .filter(a -> a.applicationId().startsWith(groupPrefix))
        .forEach(a -> apps.put(a.applicationId(), a));
    List<String> others = new ArrayList<>();
    for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
      if (group.groupId().startsWith(groupPrefix) && !apps.containsKey(group.groupId())) {
        others.add(group.groupId());
      }
    }
    others.stream().sorted().forEach(id -> apps.put(id, StreamsApp.other(id)));
    return apps.values();
  }

  private static String value(Config config, String name) {
    ConfigEntry entry = config.get(name);
    return entry == null || entry.value() == null ? "?" : entry.value();
  }

  /**
   * Records past the last stable offset: a transaction still open holds them back from the app,
   * until its producer commits or it times out.
   */
  private static String undecided(long records) {
    return records == 0 ? "" : String.format(" (+%,d in an open transaction)", records);
  }

  private static String retention(Config config) {
    if (!value(config, TopicConfig.CLEANUP_POLICY_CONFIG).contains("delete")) {
      return "-";
    }
    String ms = value(config, TopicConfig.RETENTION_MS_CONFIG);
    if (ms.equals("-1")) {
      return "forever";
    }
    Duration retention = Duration.ofMillis(Long.parseLong(ms));
    return retention.toDaysPart() > 0 && retention.toHoursPart() == 0
        ? retention.toDays() + "d"
        : retention.toMinutesPart() == 0 ? retention.toHours() + "h" : retention.toMinutes() + "m";
  }
}
