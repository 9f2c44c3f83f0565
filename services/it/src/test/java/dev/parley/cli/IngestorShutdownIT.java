package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.common.ParleyService;
import dev.parley.common.ServiceConfig;
import dev.parley.common.Sha256;
import dev.parley.common.Topics;
import dev.parley.ingestor.IngestorConfig;
import dev.parley.ingestor.IngestorService;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestor stops without leaving a sender guessing: once stopping it refuses new pushes with
 * 503 at once, and still answers, with a 202, a push that was in flight when the stop began.
 */
class IngestorShutdownIT {

  private static final String KEY = "shutdown-test-key";

  @TempDir
  Path data;

  @Test
  void stoppingRefusesNewPushesAndAnswersThoseInFlight() throws Exception {
    try (LocalStack stack = LocalStack.start(data, new LocalStack.Ports(0, 0, 0, 0, 0, 0), ServiceConfig.of(Map.of()), System.out)) {
      ParleyService ingestor = IngestorService.start(ServiceConfig.of(Map.of(
          ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers(),
          ServiceConfig.SCHEMA_REGISTRY_URL, stack.registry().httpAddress().toString(),
          ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, "parley:" + stack.registryAdminKey(),
          ServiceConfig.TOPIC_REPLICATION, "1",
          ServiceConfig.HTTP_HOST, "127.0.0.1",
          ServiceConfig.HTTP_PORT, String.valueOf(FreePort.any()),
          IngestorConfig.FEED_KEYS, "shutdown=" + Sha256.hex(KEY))));
      URI address = ingestor.httpAddress();
      Thread stopping = new Thread(ingestor::close, "stopping-ingestor");
      try (Socket inFlight = new Socket(address.getHost(), address.getPort())) {
        OutputStream out = inFlight.getOutputStream();
        out.write(("POST /articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + KEY + "\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "{\"headline\": \"Sent while the ingestor stops\", ");
        Thread.sleep(2000); // the request is inside its handler, waiting for the rest of its body

        stopping.start();
        RawHttp.Response refused = awaitRefusal(new RawHttp(address, KEY));
        assertEquals(503, refused.status(), refused.body());
        assertTrue(refused.body().contains("stopping"), refused.body());
        assertTrue(stopping.isAlive(), "the stop waits for the push in flight");

        chunk(out, "\"body\": \"The delegations met again.\", \"url\": \"https://example.org/in-flight\"}");
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String answer = read(inFlight.getInputStream());
        assertTrue(answer.startsWith("HTTP/1.1 202"), answer);
      }
      stopping.join(60_000);
      assertFalse(stopping.isAlive(), "the ingestor stopped once the push in flight was answered");
      assertTrue(new PipelineState(stack.bootstrapServers(), stack.registry().httpAddress().toString()).records(Topics.ARTICLES.name())
          .stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("Sent while the ingestor stops")),
          "the article answered with 202 is on " + Topics.ARTICLES.name());
    }
  }

  /** Pushes until the ingestor refuses: the stop has begun. */
  private static RawHttp.Response awaitRefusal(RawHttp http) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      RawHttp.Response response = http.post("/articles", "application/json", Map.of(), "{\"headline\": \"New\", \"body\": \"Too late.\"}");
      if (response.status() != 202 || System.nanoTime() > deadline) {
        return response;
      }
      Thread.sleep(50);
    }
  }

  private static void chunk(OutputStream out, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String read(InputStream in) throws Exception {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
