package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadReplacingHandlerTest {

  private final AtomicLong now = new AtomicLong();
  private final ThreadReplacingHandler handler = new ThreadReplacingHandler("extractor", now::get);
  private final RuntimeException commitRefused =
      new RuntimeException(new InvalidTxnStateException("coordinator moved"));

  @Test
  void aFailedThreadIsReplacedUpToTheMaximumThenTheAppStops() {
    for (int i = 0; i < ThreadReplacingHandler.MAX_REPLACEMENTS; i++) {
      assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(commitRefused));
      now.addAndGet(1_000_000_000L);
    }
    assertEquals(
        StreamThreadExceptionResponse.SHUTDOWN_CLIENT,
        handler.handle(commitRefused),
        "an error that keeps coming back stops the app");
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    for (int i = 0; i < ThreadReplacingHandler.MAX_REPLACEMENTS; i++) {
      handler.handle(commitRefused);
    }
    now.addAndGet(ThreadReplacingHandler.WINDOW.toNanos() + 1);
    assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(commitRefused));
  }
}
