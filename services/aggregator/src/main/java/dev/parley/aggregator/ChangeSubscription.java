package dev.parley.aggregator;

import dev.parley.common.KafkaSettings;
import dev.parley.registry.SchemaRegistryClient;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE subscriber: first the changes it missed (read back from the change topic, from its
 * Last-Event-ID), then every new change, each exactly once and with the position after it as event
 * id. Each subscriber runs on a thread of {@link SseSubscribers}' pool with a queue of its own, so
 * a slow or vanished client never holds up the view or the others; one that falls too far behind is
 * disconnected and resumes on reconnect. Interrupting its thread ends it.
 */
final class ChangeSubscription implements Runnable {

  static final int MAX_QUEUED = 10_000;
  private static final long KEEP_ALIVE_SECONDS = 15;
  private static final Logger LOG = LoggerFactory.getLogger(ChangeSubscription.class);
  private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

  private final SseClient client;
  private final PositionStateView view;
  private final KafkaSettings kafka;
  private final SchemaRegistryClient registry;
  private final String lastEventId;
  private final BlockingQueue<StateChange> live = new LinkedBlockingQueue<>(MAX_QUEUED);
  private final Consumer<StateChange> listener = this::enqueue;
  private volatile boolean overflowed;
  private FeedPosition cursor;

  /** Serves the client from its {@code lastEventId} (null: from now on) when run. */
  ChangeSubscription(
      SseClient client,
      PositionStateView view,
      KafkaSettings kafka,
      SchemaRegistryClient registry,
      String lastEventId) {
    this.client = client;
    this.view = view;
    this.kafka = kafka;
    this.registry = registry;
    this.lastEventId = lastEventId;
  }

  @Override
  public void run() {
    Optional<FeedPosition> resumeFrom = resumePoint();
    FeedPosition upTo = view.subscribe(listener);
    try {
      cursor = resumeFrom.orElse(upTo).copy();
      client.sendComment("subscribed at " + cursor.eventId());
      if (resumeFrom.isPresent()) {
        ChangeTopicReader.readRange(
            kafka, registry, cursor.copy(), upTo, this::connected, this::send);
      }
      while (connected()) {
        StateChange change = live.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        if (change != null) {
          send(change);
        } else {
          client.sendComment("keep-alive");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("SSE subscriber left: {}", e.toString());
    } finally {
      view.unsubscribe(listener);
      client.close();
    }
  }

  private Optional<FeedPosition> resumePoint() {
    if (lastEventId == null || lastEventId.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(FeedPosition.parse(lastEventId));
    } catch (IllegalArgumentException e) {
      // the client cannot resume; it must reload the snapshot, then follows live
      sendEvent("resync", StateJson.writeBytes(Map.of("reason", e.getMessage())), null);
      return Optional.empty();
    }
  }

  private void enqueue(StateChange change) {
    if (!live.offer(change) && !overflowed) {
      overflowed = true;
      LOG.info(
          "Disconnecting an SSE subscriber {} changes behind; it resumes from its Last-Event-ID when it reconnects",
          MAX_QUEUED);
    }
  }

  private boolean connected() {
    return !overflowed && !client.terminated() && !Thread.currentThread().isInterrupted();
  }

  private void send(StateChange change) {
    if (cursor.isAhead(change.partition(), change.offset())) {
      cursor.advance(change.partition(), change.offset());
      sendEvent("change", change.json(), cursor.eventId());
    }
  }

  /**
   * One SSE event of one-line JSON, written as it is: Javalin's {@code sendEvent} decodes the data
   * again to split it into lines and encodes each line, three passes over tens of kilobytes per
   * change, which made serving one subscriber cost more than deriving the state.
   */
  private void sendEvent(String event, byte[] json, String id) {
    String head = (id == null ? "" : "id: " + id + "\n") + "event: " + event + "\ndata: ";
    try {
      OutputStream out = client.ctx().res().getOutputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.write(json);
      out.write(EVENT_END);
      client.ctx().res().flushBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException("The subscriber's connection is closed", e);
    }
  }
}
