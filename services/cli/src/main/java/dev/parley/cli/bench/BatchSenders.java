package dev.parley.cli.bench;

import dev.parley.cli.IngestorClient;
import dev.parley.cli.ops.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Pushes articles as NDJSON batches from several threads at once, as several feeds do: each sends
 * its next batch once its last one is acknowledged. With one sender the ingestor idles while Kafka
 * acknowledges a batch; with several, one batch is built while another is acknowledged.
 */
final class BatchSenders {

  private final Supplier<Map<String, Object>> articles;
  private final int size;
  private final int batch;
  private int claimed;
  private int acknowledged;
  private boolean failed;

  private BatchSenders(Supplier<Map<String, Object>> articles, int size, int batch) {
    this.articles = articles;
    this.size = size;
    this.batch = batch;
  }

  /**
   * Pushes {@code size} articles of {@code articles} in batches of {@code batch} from {@code
   * senders} threads and returns the nanoseconds until all were acknowledged. The articles are made
   * on the senders' threads, one batch at a time. The first refused batch stops every sender and is
   * thrown.
   */
  static long push(
      IngestorClient client,
      Supplier<Map<String, Object>> articles,
      int size,
      int batch,
      int senders,
      ProgressBar progress)
      throws Exception {
    BatchSenders pushing = new BatchSenders(articles, size, batch);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    long start = System.nanoTime();
    try {
      List<Future<Void>> sending = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        sending.add(pool.submit(() -> pushing.sendUntilDone(client, progress)));
      }
      for (Future<Void> sender : sending) {
        try {
          sender.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    progress.finish(size, size, "acknowledged");
    return System.nanoTime() - start;
  }

  private Void sendUntilDone(IngestorClient client, ProgressBar progress) throws Exception {
    for (List<Map<String, Object>> next = nextBatch(); !next.isEmpty(); next = nextBatch()) {
      try {
        client.pushBatch(next);
      } catch (Exception e) {
        stop();
        throw e;
      }
      acknowledged(next.size(), progress);
    }
    return null;
  }

  /** The next batch, empty once every article was claimed or a sender failed. */
  private synchronized List<Map<String, Object>> nextBatch() {
    int n = failed ? 0 : Math.min(batch, size - claimed);
    List<Map<String, Object>> next = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      next.add(articles.get());
    }
    claimed += n;
    return next;
  }

  private synchronized void stop() {
    failed = true;
  }

  private synchronized void acknowledged(int count, ProgressBar progress) {
    acknowledged += count;
    progress.update(acknowledged, size, () -> "acknowledged");
  }
}
