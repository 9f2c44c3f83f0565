package dev.parley.cli.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.ArticleCorpus;
import dev.parley.cli.IngestorClient;
import dev.parley.cli.PipelineState;
import dev.parley.common.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A client that pushes articles one by one, as a feed would, and remembers which the ingestor
 * acknowledged (202) and which it must send again because no answer came.
 */
final class AcknowledgedPushes {

  private final ArticleCorpus corpus;
  private final Set<String> acknowledged =
      java.util.Collections.synchronizedSet(new LinkedHashSet<>());
  private final List<Integer> unanswered =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final Set<String> sentAgain =
      java.util.Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicInteger answered = new AtomicInteger();
  private volatile String lastRefusal = "none";

  private final String feedKey;

  /**
   * @param feedKey the key of the stack's ingestor ({@code LocalStack.feedKey()}, or its data dir's
   *     {@code feed-key})
   */
  AcknowledgedPushes(ArticleCorpus corpus, String feedKey) {
    this.corpus = corpus;
    this.feedKey = feedKey;
  }

  /** Pushes articles [from, to) once each; an article that gets no 202 is kept to be sent again. */
  void push(URI ingestor, int from, int to) throws InterruptedException {
    IngestorClient client = new IngestorClient(ingestor, feedKey);
    for (int n = from; n < to; n++) {
      try {
        acknowledged.add(client.push(corpus.article(n)));
        answered.incrementAndGet();
      } catch (IOException e) {
        unanswered.add(n);
        lastRefusal = e.getMessage();
      }
    }
  }

  /**
   * Sends every unanswered article again, each until the ingestor takes it (it may still be
   * starting).
   */
  void sendAgain(URI ingestor) throws Exception {
    IngestorClient client = new IngestorClient(ingestor, feedKey);
    List<Integer> again;
    synchronized (unanswered) {
      again = new ArrayList<>(unanswered);
      unanswered.clear();
    }
    for (int n : again) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        try {
          String id = client.push(corpus.article(n));
          acknowledged.add(id);
          sentAgain.add(id);
          break;
        } catch (IOException e) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError(
                "The restarted ingestor did not take article " + n + " within 60 s", e);
          }
          Thread.sleep(500);
        }
      }
    }
  }

  /** What a test does to the pipeline while articles arrive. */
  @FunctionalInterface
  interface Fault {
    void strike() throws Exception;
  }

  /**
   * Pushes articles [from, to) as {@link #push} does, on a thread of its own, and strikes the fault
   * once the ingestor has answered four more pushes; returns when every push of the range has had
   * its answer or its failure.
   */
  void pushWhile(URI ingestor, int from, int to, Fault fault) throws Exception {
    int target = answered.get() + 4;
    Thread feed =
        new Thread(
            () -> {
              try {
                push(ingestor, from, to);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "feed");
    feed.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (answered.get() < target) {
      assertTrue(
          System.nanoTime() < deadline,
          "the ingestor answered "
              + answered.get()
              + " pushes in 60 s, not "
              + target
              + "; the last refusal: "
              + lastRefusal);
      Thread.sleep(20);
    }
    fault.strike();
    feed.join();
  }

  /**
   * Every article was accepted in the end, and parley.articles (read committed) holds each
   * acknowledged article once and nothing else; one whose first push got no answer may have landed
   * before the fault, so it may be there twice, never lost.
   */
  void assertEachHeldOnce(PipelineState pipeline) {
    assertEquals(corpus.size(), acknowledged.size(), "every article was accepted in the end");
    Map<String, Integer> copies = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : pipeline.records(Topics.ARTICLES.name())) {
      copies.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
    }
    for (String id : acknowledged()) {
      int held = copies.getOrDefault(id, 0);
      if (sentAgain.contains(id)) {
        assertTrue(
            held == 1 || held == 2, "article " + id + ", sent twice, is held " + held + " time(s)");
      } else {
        assertEquals(
            1, held, "copies of acknowledged article " + id + " on " + Topics.ARTICLES.name());
      }
    }
    assertEquals(acknowledged(), copies.keySet(), "nothing else is on " + Topics.ARTICLES.name());
    System.out.printf(
        "%d articles acknowledged, %d of them after being sent again, %d held twice%n",
        acknowledged.size(),
        sentAgain.size(),
        copies.values().stream().filter(n -> n == 2).count());
  }

  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }
}
