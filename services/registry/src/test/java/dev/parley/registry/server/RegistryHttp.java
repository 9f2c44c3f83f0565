package dev.parley.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Raw HTTP calls to a schema registry, with or without the admin's credentials, for tests that
 * check the wire.
 */
final class RegistryHttp {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String authorization;

  RegistryHttp(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  /** The same registry, spoken to with other credentials (null: none). */
  RegistryHttp withAuthorization(String other) {
    return new RegistryHttp(baseUrl, other);
  }

  Answer get(String path) {
    return send("GET", path, null, V1_JSON, V1_JSON);
  }

  Answer delete(String path) {
    return send("DELETE", path, null, V1_JSON, V1_JSON);
  }

  Answer post(String path, String body) {
    return send("POST", path, body, V1_JSON, V1_JSON);
  }

  Answer put(String path, String body) {
    return send("PUT", path, body, V1_JSON, V1_JSON);
  }

  Answer send(String method, String path, String body, String contentType, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return new Answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A registration body: the schema as a JSON string inside {"schema": ...}. */
  static String schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }

  /** One HTTP answer, with assertions that name the call when they fail. */
  record Answer(HttpResponse<String> response) {

    int status() {
      return response.statusCode();
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + this, e);
      }
    }

    String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Asserts the status and returns the JSON body. */
    JsonNode ok() {
      assertEquals(200, status(), this::toString);
      return json();
    }

    /**
     * Asserts a Confluent error: the HTTP status and the error_code of the JSON body, which also
     * has a message.
     */
    void error(int status, int errorCode) {
      assertEquals(status, status(), this::toString);
      JsonNode body = json();
      assertEquals(errorCode, body.path("error_code").asInt(), this::toString);
      assertEquals(true, body.path("message").isTextual(), this::toString);
    }

    @Override
    public String toString() {
      return response.request().method()
          + " "
          + response.uri()
          + " -> "
          + status()
          + " "
          + response.body();
    }
  }
}
