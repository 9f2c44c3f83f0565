package dev.parley.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Subscribes to a server-sent-events stream and hands each complete event to a callback. */
public final class SseSubscriber implements AutoCloseable {

  /** One server-sent event. */
  public record Event(String id, String name, String data) {}

  private final CompletableFuture<HttpResponse<Stream<String>>> response;

  private SseSubscriber(CompletableFuture<HttpResponse<Stream<String>>> response) {
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
    CompletableFuture<HttpResponse<Stream<String>>> response =
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> answer = response.join();
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "Subscribing to " + uri + " answered HTTP " + answer.statusCode());
    }
    Thread reader = new Thread(() -> read(answer.body(), onEvent), "sse-" + uri.getPath());
    reader.setDaemon(true);
    reader.start();
    return new SseSubscriber(response);
  }

  private static void read(Stream<String> lines, Consumer<Event> onEvent) {
    String[] current = {null, "message", null};
    StringBuilder data = new StringBuilder();
    try {
      lines.forEach(
          line -> {
            if (line.isEmpty()) {
              if (data.length() > 0) {
                onEvent.accept(new Event(current[0], current[1], data.toString()));
              }
              data.setLength(0);
              current[1] = "message";
            } else if (line.startsWith("data:")) {
              data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
            } else if (line.startsWith("event:")) {
              current[1] = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
              current[0] = line.substring(3).strip();
            }
          });
    } catch (RuntimeException e) {
      // the stream was closed
    }
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
  }
}
