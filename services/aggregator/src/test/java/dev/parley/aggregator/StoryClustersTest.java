package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.avro.PositionContribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StoryClustersTest {

  @Test
  void copiesOfCopiesAreOneStoryCreditedToTheEarliest() {
    List<Integer> original = new Random(1).ints(64).boxed().toList();
    List<Integer> copy = changed(original, 0, 24);
    List<Integer> copyOfCopy =
        changed(copy, 24, 48); // shares only 16 of 64 values with the original
    List<PositionContribution> byTime =
        List.of(article("a", 1, original), article("b", 2, copy), article("c", 3, copyOfCopy));

    StoryClusters stories = StoryClusters.of(byTime);
    assertEquals(
        List.of("a", "a", "a"),
        byTime.stream().map(c -> stories.origin(c).getArticleId()).toList());
  }

  @Test
  void theSameTextRunMoreThanTheCopyWindowLaterIsAStoryOfItsOwn() {
    List<Integer> text = new Random(3).ints(64).boxed().toList();
    long window = StoryClusters.COPY_WINDOW.toSeconds();
    List<PositionContribution> byTime =
        List.of(
            article("a", 0, text),
            article("b", window, text), // the last moment that is still a copy of a
            article("c", 2 * window + 1, text)); // a second past the window of b

    StoryClusters stories = StoryClusters.of(byTime);
    assertEquals(
        List.of("a", "a", "c"),
        byTime.stream().map(c -> stories.origin(c).getArticleId()).toList());
  }

  @Test
  void unrelatedArticlesStayApartHoweverMany() {
    Random random = new Random(2);
    List<PositionContribution> byTime = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      byTime.add(article("a" + i, i, random.ints(64, 0, 1 << 20).boxed().toList()));
    }
    StoryClusters stories = StoryClusters.of(byTime);
    Set<String> origins =
        byTime.stream().map(c -> stories.origin(c).getArticleId()).collect(Collectors.toSet());
    assertEquals(3000, origins.size());
  }

  @Test
  void articlesWithoutFingerprintAreEachTheirOwnStory() {
    List<PositionContribution> byTime =
        List.of(article("a", 1, List.of()), article("b", 2, List.of()));
    StoryClusters stories = StoryClusters.of(byTime);
    assertEquals("b", stories.origin(byTime.get(1)).getArticleId());
  }

  private static List<Integer> changed(List<Integer> values, int from, int to) {
    List<Integer> copy = new ArrayList<>(values);
    for (int i = from; i < to; i++) {
      copy.set(i, copy.get(i) ^ 0x5bd1e995);
    }
    return copy;
  }

  private static PositionContribution article(String id, long second, List<Integer> fingerprint) {
    return PositionContribution.newBuilder()
        .setArticleId(id)
        .setSource("s-" + id)
        .setUrl(null)
        .setHeadline("")
        .setPublishedAt(Instant.ofEpochSecond(second))
        .setNegotiation("n")
        .setActor("a")
        .setIssue("i")
        .setStance(1)
        .setConfidence(0.5)
        .setSentence("")
        .setFingerprint(fingerprint)
        .build();
  }
}
