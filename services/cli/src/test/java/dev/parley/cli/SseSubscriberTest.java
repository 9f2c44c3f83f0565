package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SseSubscriberTest {

  /** Every line end the format allows, a comment, a field without its space, multi-line data. */
  private static final String STREAM =
      ": connected\n\n"
          + "id: 0-1\r\nevent: change\r\ndata: {\"sentence\":\"Kyiv \u2014 \u00ab non \u00bb\"}\r\n\r\n"
          + "id:0-2\revent:change\rdata:first line\rdata: second line\r\r"
          + "event: ignored without data\n\n"
          + "data: last, with no end";

  private static final List<SseSubscriber.Event> EXPECTED =
      List.of(
          new SseSubscriber.Event(
              "0-1", "change", "{\"sentence\":\"Kyiv \u2014 \u00ab non \u00bb\"}"),
          new SseSubscriber.Event("0-2", "change", "first line\nsecond line"));

  @Test
  void eventsAreReadWhateverTheLineEndsAndHowTheBytesArrive() throws Exception {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    List<SseSubscriber.Event> whole = new ArrayList<>();
    SseSubscriber.read(new ByteArrayInputStream(bytes), whole::add);
    assertEquals(EXPECTED, whole);

    // a CRLF and a UTF-8 character split between two reads of the network
    List<SseSubscriber.Event> byteByByte = new ArrayList<>();
    SseSubscriber.read(oneByteAtATime(bytes), byteByByte::add);
    assertEquals(EXPECTED, byteByByte);
  }

  @Test
  void aLongEventIsReadWhole() throws Exception {
    String data = "x".repeat(300_000);
    List<SseSubscriber.Event> events = new ArrayList<>();
    SseSubscriber.read(
        new ByteArrayInputStream(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8)),
        events::add);
    assertEquals(List.of(new SseSubscriber.Event(null, "message", data)), events);
  }

  @Test
  void anEventBeyondTheLimitIsRefusedWithItsReason() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }
        };
    IllegalStateException tooLong =
        assertThrows(
            IllegalStateException.class,
            () ->
                SseSubscriber.read(
                    new java.io.SequenceInputStream(
                        new ByteArrayInputStream("data: ".getBytes(StandardCharsets.US_ASCII)),
                        endless),
                    e -> {}));
    assertTrue(tooLong.getMessage().contains("over"), tooLong.getMessage());
  }

  @Test
  void aSubscriberReceivesTheEventsAServerSends() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    CountDownLatch done = new CountDownLatch(1);
    server.createContext(
        "/events",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream body = exchange.getResponseBody()) {
            for (String part : STREAM.split("(?<=\n\n)")) {
              body.write(part.getBytes(StandardCharsets.UTF_8));
              body.flush();
            }
            done.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    List<SseSubscriber.Event> events = new CopyOnWriteArrayList<>();
    try (SseSubscriber subscriber =
        SseSubscriber.subscribe(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events"),
            events::add)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (events.size() < EXPECTED.size() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(EXPECTED, events);
    } finally {
      done.countDown();
      server.stop(0);
    }
  }

  private static InputStream oneByteAtATime(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }
}
