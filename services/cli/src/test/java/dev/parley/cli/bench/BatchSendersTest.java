package dev.parley.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.parley.cli.IngestorClient;
import dev.parley.cli.ops.ProgressBar;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The throughput benchmark's senders against a real HTTP server that stands for the ingestor. */
class BatchSendersTest {

  private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void everyArticleIsSentOnceAndTheSendersOverlap() throws Exception {
    // the first two batches are answered only once both have arrived: one sender at a time would
    // never get there
    CountDownLatch twoInFlight = new CountDownLatch(2);
    URI ingestor =
        serve(
            request -> {
              twoInFlight.countDown();
              return twoInFlight.await(10, TimeUnit.SECONDS) ? 202 : 500;
            });

    BatchSenders.push(
        new IngestorClient(ingestor, "key"), numbered(), 1_234, 100, 3, quietProgress());

    List<String> sent = new ArrayList<>(received);
    assertEquals(1_234, sent.size());
    assertEquals(1_234, sent.stream().distinct().count());
    assertEquals(13, requests.get());
  }

  @Test
  void aRefusedBatchStopsEverySenderAndSaysWhy() throws Exception {
    URI ingestor = serve(request -> request == 3 ? 413 : 202);

    Exception refused =
        assertThrows(
            Exception.class,
            () ->
                BatchSenders.push(
                    new IngestorClient(ingestor, "key"),
                    numbered(),
                    10_000,
                    10,
                    2,
                    quietProgress()));

    assertTrue(refused.getMessage().contains("HTTP 413"), refused.getMessage());
    assertTrue(
        requests.get() < 10,
        requests.get() + " batches were sent: the senders went on after the refusal");
  }

  private interface Answer {
    /** The status for the {@code request}th request, counted from 1. */
    int statusFor(int request) throws InterruptedException;
  }

  private URI serve(Answer answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/articles/batch",
        exchange -> {
          int request = requests.incrementAndGet();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status;
          try {
            status = answer.statusFor(request);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 500;
          }
          if (status == 202) {
            body.lines().forEach(received::add);
          }
          byte[] reply =
              (status == 202 ? "{\"ids\":[]}" : "{\"error\":\"too large\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static Supplier<Map<String, Object>> numbered() {
    AtomicInteger next = new AtomicInteger();
    return () -> Map.of("url", "https://example.invalid/" + next.incrementAndGet());
  }

  private static ProgressBar quietProgress() {
    return ProgressBar.on(new PrintWriter(new StringWriter()), "push", "articles");
  }
}
