package dev.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a test can send what well-behaved clients never do: a foreign
 * Host header, a body shorter than its Content-Length, a huge header.
 */
final class RawHttp {

  record Response(int status, String body) {}

  private final URI base;
  private final String feedKey;

  RawHttp(URI base, String feedKey) {
    this.base = base;
    this.feedKey = feedKey;
  }

  RawHttp withKey(String key) {
    return new RawHttp(base, key);
  }

  Response get(String path, Map<String, String> headers) throws Exception {
    return send("GET", path, null, headers, null);
  }

  Response post(String path, String contentType, Map<String, String> headers, String body)
      throws Exception {
    return post(path, contentType, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  Response post(String path, String contentType, Map<String, String> headers, byte[] body)
      throws Exception {
    return send("POST", path, contentType, headers, body);
  }

  Response send(
      String method, String path, String contentType, Map<String, String> headers, byte[] body)
      throws Exception {
    return exchange(
        method, path, contentType, headers, body, body == null ? -1 : body.length, false, null);
  }

  /** What a test does while a request's body is half sent. */
  interface Midway {
    void run() throws Exception;
  }

  /**
   * Sends the head and the first half of the body, runs {@code midway} while the server waits for
   * the rest (the request is in flight), then sends the rest and reads the answer.
   */
  Response postPausingMidBody(String path, String contentType, String body, Midway midway)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return exchange("POST", path, contentType, Map.of(), bytes, bytes.length, false, midway);
  }

  Response chunked(String path, String contentType, String body) throws Exception {
    return exchange(
        "POST", path, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8), -1, true, null);
  }

  /** Announces {@code announced} bytes, sends the body, then closes its side of the connection. */
  Response truncated(String path, String contentType, String body, int announced) throws Exception {
    return exchange(
        "POST",
        path,
        contentType,
        Map.of(),
        body.getBytes(StandardCharsets.UTF_8),
        announced,
        false,
        null);
  }

  private Response exchange(
      String method,
      String path,
      String contentType,
      Map<String, String> headers,
      byte[] body,
      int length,
      boolean chunked,
      Midway midway)
      throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      if (!headers.containsKey("Host")) {
        head.append("Host: ")
            .append(base.getHost())
            .append(':')
            .append(base.getPort())
            .append("\r\n");
      }
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      if (feedKey != null && !headers.containsKey("Authorization")) {
        head.append("Authorization: Bearer ").append(feedKey).append("\r\n");
      }
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (chunked) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else if (length >= 0) {
        head.append("Content-Length: ").append(length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      try {
        if (chunked) {
          for (int from = 0; from < body.length; from += 16_384) {
            int size = Math.min(16_384, body.length - from);
            out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, from, size);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else if (midway != null) {
          out.write(body, 0, body.length / 2);
          out.flush();
          midway.run();
          out.write(body, body.length / 2, body.length - body.length / 2);
        } else if (body != null) {
          out.write(body);
        }
        out.flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // the server may answer and close before taking the whole body (413): read its answer
      }
      return read(socket.getInputStream());
    }
  }

  private static Response read(InputStream in) throws Exception {
    // bytes as ISO-8859-1 chars, one for one, so chunk sizes count right; the body is decoded as
    // UTF-8 at the end
    String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    int blank = text.indexOf("\r\n\r\n");
    String status = text.substring(0, text.indexOf("\r\n"));
    String headers = blank < 0 ? "" : text.substring(0, blank).toLowerCase(Locale.ROOT);
    String body = blank < 0 ? "" : text.substring(blank + 4);
    if (headers.contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    return new Response(
        Integer.parseInt(status.split(" ")[1]),
        new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }
}
