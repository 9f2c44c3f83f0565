package dev.parley.cli.faults;

import dev.parley.cli.ArticleCorpus;
import dev.parley.cli.IngestorClient;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that pushes articles one by one, as a feed would, and remembers which the ingestor
 * acknowledged (202) and which it must send again because no answer came.
 */
final class AcknowledgedPushes {

  private final ArticleCorpus corpus;
  private final Set<String> acknowledged = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
  private final List<Integer> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Set<String> sentAgain = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicInteger answered = new AtomicInteger();

  AcknowledgedPushes(ArticleCorpus corpus) {
    this.corpus = corpus;
  }

  /** Pushes articles [from, to) once each; an article that gets no 202 is kept to be sent again. */
  void push(URI ingestor, int from, int to) throws InterruptedException {
    IngestorClient client = new IngestorClient(ingestor);
    for (int n = from; n < to; n++) {
      try {
        acknowledged.add(client.push(corpus.article(n)));
        answered.incrementAndGet();
      } catch (IOException e) {
        unanswered.add(n);
      }
    }
  }

  /** Sends every unanswered article again, each until the ingestor takes it (it may still be starting). */
  void sendAgain(URI ingestor) throws Exception {
    IngestorClient client = new IngestorClient(ingestor);
    List<Integer> again;
    synchronized (unanswered) {
      again = new ArrayList<>(unanswered);
      unanswered.clear();
    }
    for (int n : again) {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
      while (true) {
        try {
          String id = client.push(corpus.article(n));
          acknowledged.add(id);
          sentAgain.add(id);
          break;
        } catch (IOException e) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("The restarted ingestor did not take article " + n + " within 60 s", e);
          }
          Thread.sleep(500);
        }
      }
    }
  }

  int answered() {
    return answered.get();
  }

  int unanswered() {
    return unanswered.size();
  }

  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  /** Articles that were sent twice because the first answer never came: Kafka may hold them twice. */
  Set<String> sentAgainIds() {
    return Set.copyOf(sentAgain);
  }
}
