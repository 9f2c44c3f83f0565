package dev.parley.ingestor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Hands out Article.revision: the acceptance time in epoch milliseconds, made strictly increasing
 * so that two versions of one article accepted within the same millisecond still differ. The state
 * downstream keeps the version with the highest revision, whatever order versions arrive in.
 */
final class ArticleRevisions {

  private final LongSupplier clock;
  private final AtomicLong last = new AtomicLong();

  ArticleRevisions(LongSupplier clock) {
    this.clock = clock;
  }

  long next() {
    return last.updateAndGet(previous -> Math.max(previous + 1, clock.getAsLong()));
  }
}
