package dev.parley.aggregator;

import dev.parley.common.ServiceConfig;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /events} as server-sent events to at most PARLEY_SSE_MAX_SUBSCRIBERS clients at
 * once (default 100), each on a thread of a pool of that size; one more is answered 503 with
 * Retry-After. Any client that asks for /events gets the stream, whatever its Accept header, so
 * {@code curl -N .../events} prints events: Javalin's own SSE handler answers only clients that
 * send {@code Accept: text/event-stream}. Closed before the HTTP server stops, so that no
 * subscriber is left writing to a response the server has already torn down.
 */
final class SseSubscribers implements AutoCloseable {

  private static final long RETRY_AFTER_SECONDS = 10;
  private static final long STOP_SECONDS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(SseSubscribers.class);

  private final int max;
  private final Semaphore slots;
  private final ThreadPoolExecutor pool;
  private final Function<Context, Runnable> subscription;
  private volatile boolean closed;

  /** {@code subscription} makes the work that serves one connected client until it leaves. */
  SseSubscribers(int max, Function<Context, Runnable> subscription) {
    this.max = max;
    this.slots = new Semaphore(max);
    this.subscription = subscription;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            max,
            max,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "sse-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.pool.allowCoreThreadTimeOut(true);
  }

  void serve(Context ctx) throws IOException {
    if (closed || !slots.tryAcquire()) {
      ctx.status(503)
          .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
          .json(
              Map.of(
                  "error",
                  closed
                      ? "The aggregator is stopping; reconnect (with Last-Event-ID) in a few seconds."
                      : "The aggregator serves at most "
                          + max
                          + " event subscribers ("
                          + ServiceConfig.SSE_MAX_SUBSCRIBERS
                          + "); retry in "
                          + RETRY_AFTER_SECONDS
                          + " s, or raise the limit."));
      return;
    }
    try {
      startEventStream(ctx.res());
      Runnable work = subscription.apply(ctx);
      ctx.async(
          async -> {
            async.timeout = 0;
            async.executor = pool;
          },
          () -> {
            try {
              work.run();
            } finally {
              slots.release();
            }
          });
    } catch (IOException | RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  /** What Javalin's SSE handler sends before the first event. */
  private static void startEventStream(HttpServletResponse response) throws IOException {
    response.setStatus(200);
    response.setCharacterEncoding("UTF-8");
    response.setContentType("text/event-stream");
    response.addHeader("Connection", "close");
    response.addHeader("Cache-Control", "no-cache");
    response.addHeader("X-Accel-Buffering", "no");
    response.flushBuffer();
  }

  /**
   * Refuses new subscribers, then interrupts the connected ones, which close their streams and
   * leave.
   */
  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn(
            "{} event subscribers did not leave within {} s; the server stops anyway",
            pool.getActiveCount(),
            STOP_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
