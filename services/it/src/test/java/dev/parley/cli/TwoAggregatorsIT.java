package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ParleyService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two aggregator instances of one application on a real broker: the Streams work is split between
 * them, yet each serves the whole state, and a subscriber that drops off one instance and resumes
 * on the other with its Last-Event-ID gets every change it missed, once.
 */
class TwoAggregatorsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  @TempDir static Path secondState;

  private static LocalStack stack;
  private static ParleyService second;

  @BeforeAll
  static void up() throws Exception {
    stack = TestStacks.start(data);
    second = ExtraAggregator.start(stack, secondState, Map.of());
  }

  @AfterAll
  static void down() {
    if (second != null) {
      second.close();
    }
    stack.close();
  }

  @Test
  void eitherInstanceServesTheWholeStateAndASubscriberResumesOnTheOtherWithoutLossOrRepeat()
      throws Exception {
    URI first = stack.aggregator().httpAddress();
    URI other = second.httpAddress();
    IngestorClient ingestor = stack.ingestorClient();
    List<Path> samples = ArticleFiles.list(List.of(SampleArticles.folder()));

    List<SseSubscriber.Event> beforeDrop = new CopyOnWriteArrayList<>();
    Set<String> early = new LinkedHashSet<>();
    try (SseSubscriber subscriber =
        SseSubscriber.subscribe(first.resolve("/events"), beforeDrop::add)) {
      for (Path file : samples.subList(0, 2)) {
        early.addAll(ingestor.push(file, null));
      }
      await(
          Duration.ofSeconds(90),
          () -> causes(beforeDrop).containsAll(early),
          "changes of the first two articles on the first instance");
      Thread.sleep(1500); // let the last changes of those articles arrive before the drop
    }
    String lastSeen = beforeDrop.get(beforeDrop.size() - 1).id();

    // an article stating no confirmed position may change nothing, so it is not waited for
    Set<String> all = new LinkedHashSet<>(early);
    for (Path file : samples.subList(2, samples.size())) {
      List<String> ids = ingestor.push(file, null);
      if (PipelineCheck.statesAConfirmedPosition(file)) {
        all.addAll(ids);
      }
    }
    await(
        Duration.ofSeconds(90),
        () ->
            causesOfRecentChanges(first).containsAll(all)
                && causesOfRecentChanges(other).containsAll(all),
        "both instances to have seen the changes of every article stating a confirmed position");

    List<SseSubscriber.Event> afterResume = new CopyOnWriteArrayList<>();
    List<SseSubscriber.Event> everything = new CopyOnWriteArrayList<>();
    try (SseSubscriber resumed =
            SseSubscriber.subscribe(other.resolve("/events"), lastSeen, afterResume::add);
        SseSubscriber fromStart =
            SseSubscriber.subscribe(other.resolve("/events?lastEventId=0"), everything::add)) {
      int total = JSON.readTree(PipelineCheck.get(other.resolve("/changes?limit=1000"))).size();
      await(
          Duration.ofSeconds(30),
          () -> everything.size() >= total,
          "the full change log from the start");
      await(
          Duration.ofSeconds(30),
          () -> beforeDrop.size() + afterResume.size() >= total,
          "the resumed subscriber to catch up");
      Thread.sleep(500);
    }

    List<String> seenAcrossTheDrop = new ArrayList<>(coordinates(beforeDrop));
    seenAcrossTheDrop.addAll(coordinates(afterResume));
    assertEquals(
        sorted(coordinates(everything)),
        sorted(seenAcrossTheDrop),
        "every change exactly once across the reconnect");
    assertFalse(afterResume.isEmpty(), "changes happened while the subscriber was away");
    assertTrue(
        causes(afterResume).containsAll(all.stream().filter(id -> !early.contains(id)).toList()));

    JsonNode stateOfFirst = JSON.readTree(PipelineCheck.get(first.resolve("/state")));
    JsonNode stateOfOther = JSON.readTree(PipelineCheck.get(other.resolve("/state")));
    assertTrue(
        stateOfFirst.path("count").asInt() > 5,
        "the samples state several positions: " + stateOfFirst);
    assertEquals(
        stateOfFirst,
        stateOfOther,
        "both instances serve the same, whole state, at the same position");
  }

  private static Set<String> causes(Collection<SseSubscriber.Event> events) {
    Set<String> ids = new LinkedHashSet<>();
    events.stream()
        .filter(e -> e.name().equals("change"))
        .forEach(e -> ids.add(read(e.data()).path("causedBy").path("articleId").asText()));
    return ids;
  }

  private static Set<String> causesOfRecentChanges(URI aggregator) {
    try {
      Set<String> ids = new LinkedHashSet<>();
      JSON.readTree(PipelineCheck.get(aggregator.resolve("/changes?limit=1000")))
          .forEach(change -> ids.add(change.path("causedBy").path("articleId").asText()));
      return ids;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * partition:offset of each change event, from its data (not its id, which differs per
   * subscriber).
   */
  private static List<String> coordinates(List<SseSubscriber.Event> events) {
    return events.stream()
        .filter(e -> e.name().equals("change"))
        .map(e -> read(e.data()))
        .map(change -> change.path("partition").asInt() + ":" + change.path("offset").asLong())
        .toList();
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static void await(Duration timeout, BooleanSupplier condition, String what)
      throws InterruptedException {
    ExtraAggregator.await(timeout, condition, what);
  }
}
