package dev.parley.ingestor;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets the ingestor stop without leaving a sender guessing: once closing, new pushes get a 503 at
 * once (send it again elsewhere or later), while those already inside are answered before the
 * server stops.
 */
final class ShutdownGate {

  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * Admits a push, or refuses it with 503 once the ingestor is stopping; pair with {@link
   * #leave()}.
   */
  void enter() {
    inFlight.incrementAndGet();
    if (closing.get()) {
      inFlight.decrementAndGet();
      throw new InvalidInputException(
          503,
          "The ingestor is stopping and took nothing from this request; send it again in a "
              + "few seconds, or to another ingestor.");
    }
  }

  void leave() {
    inFlight.decrementAndGet();
  }

  /** Refuses new pushes from now on. */
  void close() {
    closing.set(true);
  }

  /**
   * Waits until every admitted push is answered, at most {@code timeout}; returns how many are
   * still open.
   */
  int awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return inFlight.get();
  }
}
