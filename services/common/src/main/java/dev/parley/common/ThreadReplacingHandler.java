package dev.parley.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Streams app does when one of its threads dies on an error no other handler took, such as a
 * commit refused while the cluster moves a transaction coordinator off a lost node: a new thread
 * takes the dead one's tasks over from their last commit, so the app goes on and nothing is lost or
 * counted twice (exactly-once). An error that keeps coming back, more than {@link
 * #MAX_REPLACEMENTS} times within {@link #WINDOW}, is no passing fault: the app then stops, saying
 * so, rather than failing in a loop.
 */
final class ThreadReplacingHandler implements StreamsUncaughtExceptionHandler {

  static final int MAX_REPLACEMENTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacingHandler.class);

  private final String app;
  private final LongSupplier nanoTime;
  private final Deque<Long> replaced = new ArrayDeque<>();

  ThreadReplacingHandler(String app) {
    this(app, System::nanoTime);
  }

  ThreadReplacingHandler(String app, LongSupplier nanoTime) {
    this.app = app;
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable error) {
    long now = nanoTime.getAsLong();
    while (!replaced.isEmpty() && now - replaced.peekFirst() > WINDOW.toNanos()) {
      replaced.removeFirst();
    }
    if (replaced.size() >= MAX_REPLACEMENTS) {
      LOG.error(
          "The {} stopped: its stream threads failed {} times within {} minutes, the last time on the error below; fix the cause and restart it (its progress is committed, nothing is lost)",
          app,
          MAX_REPLACEMENTS + 1,
          WINDOW.toMinutes(),
          error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    replaced.addLast(now);
    LOG.warn(
        "A stream thread of the {} failed on the error below; a new thread takes its tasks over from their last commit (nothing is lost)",
        app,
        error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
