package dev.parley.cli.faults;

import static dev.parley.cli.SameState.assertSameState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.PositionState;
import dev.parley.cli.ArticleCorpus;
import dev.parley.cli.LocalStack;
import dev.parley.cli.PipelineState;
import dev.parley.common.ServiceConfig;
import dev.parley.common.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local stack (`parley up` from the packaged jar, broker included) killed with -9, and
 * later stopped with SIGTERM, each while articles arrive and flow through the pipeline. A client
 * sends again what got no answer. Every article it was told was accepted is on parley.articles
 * exactly once, and the state ends equal, field by field, to that of a run without faults.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StackKilledMidStreamIT {

  private static final Duration CATCH_UP = Duration.ofSeconds(180);

  @TempDir
  static Path data;

  @Test
  void killedAndStoppedMidStreamTheStackLosesNothingAndEndsInTheStateOfARunWithoutFaults() throws Exception {
    ArticleCorpus corpus = ArticleCorpus.ofSamples(12);
    Map<String, PositionState> expected = stateWithoutFaults(corpus);
    int third = corpus.size() / 3;

    AcknowledgedPushes pushes = new AcknowledgedPushes(corpus);
    try (ChildStack stack = ChildStack.start(data.resolve("faulty"))) {
      pushes.push(stack.ingestor(), 0, third);

      Thread feed = feed(pushes, stack, third, 2 * third);
      awaitAnswered(pushes, third + 4);
      stack.kill();
      feed.join();
      Duration upAfterKill = stack.restart();
      pushes.sendAgain(stack.ingestor());

      feed = feed(pushes, stack, 2 * third, corpus.size());
      awaitAnswered(pushes, pushes.answered() + 4);
      stack.terminate();
      feed.join();
      Duration upAfterTerm = stack.restart();
      pushes.sendAgain(stack.ingestor());
      System.out.printf("`parley up` was up %.1f s after kill -9 and %.1f s after SIGTERM (wall clock; slower on a busy machine)%n",
          upAfterKill.toMillis() / 1000.0, upAfterTerm.toMillis() / 1000.0);

      PipelineState pipeline = new PipelineState(stack.bootstrapServers(), stack.registryUrl());
      assertEquals(corpus.size(), pushes.acknowledged().size(), "every article was accepted in the end");
      Map<String, Integer> copies = copiesOnTheArticlesTopic(pipeline);
      for (String id : pushes.acknowledged()) {
        int held = copies.getOrDefault(id, 0);
        if (pushes.sentAgainIds().contains(id)) {
          // its first push got no answer, so it may have landed before the fault: once or twice, never lost
          assertTrue(held == 1 || held == 2, "article " + id + ", sent twice, is held " + held + " time(s)");
        } else {
          assertEquals(1, held, "copies of acknowledged article " + id + " on " + Topics.ARTICLES.name());
        }
      }
      assertEquals(pushes.acknowledged(), copies.keySet(), "nothing else is on " + Topics.ARTICLES.name());

      pipeline.awaitCaughtUp(CATCH_UP);
      assertSameState(expected, pipeline.state());
    }
  }

  private static Map<String, PositionState> stateWithoutFaults(ArticleCorpus corpus) throws Exception {
    try (LocalStack stack = LocalStack.start(data.resolve("reference"), new LocalStack.Ports(0, 0, 0, 0, 0, 0),
        ServiceConfig.of(Map.of()), System.out)) {
      AcknowledgedPushes pushes = new AcknowledgedPushes(corpus);
      pushes.push(stack.ingestor().httpAddress(), 0, corpus.size());
      assertEquals(corpus.size(), pushes.acknowledged().size(), "a stack without faults accepts every article");
      PipelineState pipeline = new PipelineState(stack.bootstrapServers(), stack.registry().httpAddress().toString());
      pipeline.awaitCaughtUp(CATCH_UP);
      Map<String, PositionState> state = pipeline.state();
      assertTrue(state.size() >= 10, "the corpus states positions: " + state.keySet());
      return state;
    }
  }

  private static Thread feed(AcknowledgedPushes pushes, ChildStack stack, int from, int to) {
    Thread feed = new Thread(() -> {
      try {
        pushes.push(stack.ingestor(), from, to);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "feed");
    feed.start();
    return feed;
  }

  private static void awaitAnswered(AcknowledgedPushes pushes, int answered) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (pushes.answered() < answered) {
      assertTrue(System.nanoTime() < deadline, "the ingestor answered " + pushes.answered() + " pushes in 60 s, not " + answered);
      Thread.sleep(20);
    }
  }

  private static Map<String, Integer> copiesOnTheArticlesTopic(PipelineState pipeline) {
    Map<String, Integer> copies = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : pipeline.records(Topics.ARTICLES.name())) {
      copies.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
    }
    return copies;
  }
}
