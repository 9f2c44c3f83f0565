package dev.parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Subscribes to a server-sent-events stream and hands each complete event to a callback. */
public final class SseSubscriber implements AutoCloseable {

  /** One server-sent event. */
  public record Event(String id, String name, String data) {}

  /**
   * The largest event read, far above the aggregator's (a change with two states and their
   * evidence, tens of kilobytes): a stream that sends more is not one this client can follow.
   */
  static final int MAX_EVENT_BYTES = 16 << 20;

  private static final byte[] DATA = field("data");
  private static final byte[] EVENT = field("event");
  private static final byte[] ID = field("id");

  private final CompletableFuture<HttpResponse<InputStream>> response;

  private SseSubscriber(CompletableFuture<HttpResponse<InputStream>> response) {
    this.response = response;
  }

  /** Connects and returns once the server has answered; events then arrive on another thread. */
  public static SseSubscriber subscribe(URI uri, Consumer<Event> onEvent) {
    return subscribe(uri, null, onEvent);
  }

  /**
   * As {@link #subscribe(URI, Consumer)}, resuming after the event {@code lastEventId} when it is
   * not null.
   */
  public static SseSubscriber subscribe(URI uri, String lastEventId, Consumer<Event> onEvent) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      builder.header("Last-Event-ID", lastEventId);
    }
    HttpRequest request = builder.build();
    // each block of the stream goes from the client's selector thread straight to the reader; the
    // default executor handed every block to a worker thread first, which for the tens of megabytes
    // a second of the latency benchmark (subscribed inside the process it measures) took CPU from
    // the pipeline measured (benchmarks.md, ninth round)
    HttpClient client = HttpClient.newBuilder().executor(Runnable::run).build();
    CompletableFuture<HttpResponse<InputStream>> response =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> answer = response.join();
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "Subscribing to " + uri + " answered HTTP " + answer.statusCode());
    }
    Thread reader =
        new Thread(
            () -> {
              try {
                read(answer.body(), onEvent);
              } catch (IOException | UncheckedIOException e) {
                // the stream was closed
              }
            },
            "sse-" + uri.getPath());
    reader.setDaemon(true);
    reader.start();
    return new SseSubscriber(response);
  }

  /**
   * Reads events until the stream ends. Lines are split and matched as UTF-8 bytes and each event's
   * data is decoded once: a subscriber to a busy aggregator reads megabytes a second, and reading
   * it line by line as text copied each event five times.
   */
  static void read(InputStream body, Consumer<Event> onEvent) throws IOException {
    Line line = new Line();
    ByteArrayOutputStream data = new ByteArrayOutputStream(1 << 12);
    boolean hasData = false;
    String id = null;
    String name = "message";
    while (line.readFrom(body)) {
      if (line.length == 0) {
        if (hasData) {
          onEvent.accept(new Event(id, name, data.toString(StandardCharsets.UTF_8)));
        }
        data.reset();
        hasData = false;
        name = "message";
      } else if (line.startsWith(DATA)) {
        if (hasData) {
          data.write('\n');
        }
        line.writeValue(DATA.length, data);
        hasData = true;
        if (data.size() > MAX_EVENT_BYTES) {
          throw new IllegalStateException(
              "An event of the stream is over " + MAX_EVENT_BYTES + " bytes; is it a Parley one?");
        }
      } else if (line.startsWith(EVENT)) {
        name = line.value(EVENT.length);
      } else if (line.startsWith(ID)) {
        id = line.value(ID.length);
      }
    }
  }

  private static byte[] field(String name) {
    return (name + ":").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * One line of the stream without its end (LF, CRLF or CR), in a buffer reused line by line, read
   * from the stream a block at a time.
   */
  private static final class Line {
    private final byte[] block = new byte[1 << 16];
    private int next;
    private int end;
    private byte[] bytes = new byte[1 << 12];
    private int length;
    private boolean afterCarriageReturn;

    boolean readFrom(InputStream in) throws IOException {
      length = 0;
      while (true) {
        if (next == end) {
          end = in.read(block);
          next = 0;
          if (end == -1) {
            end = 0;
            return length > 0;
          }
        }
        if (afterCarriageReturn && block[next] == '\n') {
          next++; // the LF of a CRLF
        }
        afterCarriageReturn = false;
        int from = next;
        while (next < end && block[next] != '\n' && block[next] != '\r') {
          next++;
        }
        append(from, next);
        if (next < end) {
          afterCarriageReturn = block[next++] == '\r';
          return true;
        }
      }
    }

    private void append(int from, int to) {
      int count = to - from;
      if (length + count > bytes.length) {
        if (length + count > MAX_EVENT_BYTES) {
          throw new IllegalStateException(
              "A line of the stream is over " + MAX_EVENT_BYTES + " bytes; is it a Parley one?");
        }
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
      }
      System.arraycopy(block, from, bytes, length, count);
      length += count;
    }

    boolean startsWith(byte[] prefix) {
      return length >= prefix.length
          && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The value after the field name: one space after the colon is not part of it. */
    void writeValue(int from, ByteArrayOutputStream to) {
      int start = from < length && bytes[from] == ' ' ? from + 1 : from;
      to.write(bytes, start, length - start);
    }

    String value(int from) {
      return new String(bytes, from, length - from, StandardCharsets.UTF_8).strip();
    }
  }

  @Override
  public void close() {
    response.thenAccept(
        r -> {
          try {
            r.body().close();
          } catch (IOException e) {
            // closing a stream that is gone
          }
        });
  }
}
