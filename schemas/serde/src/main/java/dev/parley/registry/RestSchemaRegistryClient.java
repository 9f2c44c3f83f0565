package dev.parley.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Speaks the Confluent Schema Registry REST API. Registrations and fetched schemas are cached, so a
 * serde talks to the registry once per schema, not once per record. Several URLs may be given,
 * comma-separated; the next one is tried when one cannot be reached. Credentials, when given, go
 * with every request as HTTP basic auth, the way Confluent's clients send basic.auth.user.info.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> baseUrls;
  private final HttpClient http;
  private final Optional<String> authorization;

  /**
   * Keyed by the schema itself, not its JSON text: a schema caches its hash, and a generated class
   * always hands out the same instance, so a look-up costs no printing of the schema per record.
   */
  private final Map<SubjectSchema, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public RestSchemaRegistryClient(String urls) {
    this(urls, null);
  }

  /** {@code basicAuthUserInfo} is {@code user:password}, or null to send no credentials. */
  public RestSchemaRegistryClient(String urls, String basicAuthUserInfo) {
    this.baseUrls =
        Arrays.stream(urls.split(","))
            .map(String::trim)
            .filter(u -> !u.isEmpty())
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
            .toList();
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException(
          "SCHEMA_REGISTRY_URL is empty: give the registry's URL, e.g. http://localhost:8081");
    }
    this.authorization =
        Optional.ofNullable(basicAuthUserInfo)
            .filter(u -> !u.isBlank())
            .map(
                u ->
                    "Basic "
                        + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema cacheKey = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectAndSchema.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = answer.path("id").asInt();
    idsBySubjectAndSchema.put(cacheKey, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(
        id,
        missing -> {
          JsonNode answer = send("GET", "/schemas/ids/" + missing, null);
          return new Schema.Parser().parse(answer.path("schema").asText());
        });
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) {
    try {
      JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
      return Optional.of(
          new RegisteredSchema(
              subject,
              answer.path("version").asInt(),
              answer.path("id").asInt(),
              new Schema.Parser().parse(answer.path("schema").asText())));
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaStore.SUBJECT_NOT_FOUND
          || e.errorCode() == SchemaStore.VERSION_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      JsonNode answer =
          send(
              "POST",
              "/compatibility/subjects/" + encode(subject) + "/versions/latest",
              schemaBody(schema));
      return answer.path("is_compatible").asBoolean();
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaStore.SUBJECT_NOT_FOUND
          || e.errorCode() == SchemaStore.VERSION_NOT_FOUND) {
        return true;
      }
      throw e;
    }
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    send(
        "PUT",
        "/config/" + encode(subject),
        JSON.createObjectNode().put("compatibility", level.name()).toString());
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static String encode(String pathPart) {
    return URLEncoder.encode(pathPart, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, String body) {
    IOException lastFailure = null;
    for (String base : baseUrls) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", CONTENT_TYPE + ", application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", CONTENT_TYPE);
      }
      authorization.ifPresent(value -> request.header("Authorization", value));
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        lastFailure = e;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(
            "Interrupted while calling the schema registry at " + base, e);
      }
      return answer(method, base + path, response);
    }
    throw new SchemaRegistryException(
        "Schema registry at "
            + String.join(", ", baseUrls)
            + " cannot be reached ("
            + lastFailure
            + "). Start it (`./parley up` starts one) or point SCHEMA_REGISTRY_URL at a running registry.",
        lastFailure);
  }

  private static JsonNode answer(String method, String url, HttpResponse<String> response) {
    JsonNode json;
    try {
      json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "Schema registry answered "
              + method
              + " "
              + url
              + " with HTTP "
              + response.statusCode()
              + " and a body that is not JSON: "
              + abbreviate(response.body())
              + ". Check that SCHEMA_REGISTRY_URL points at a schema registry.",
          response.statusCode());
    }
    if (response.statusCode() / 100 == 2) {
      return json;
    }
    int code = json.path("error_code").asInt(response.statusCode());
    String message = json.path("message").asText(abbreviate(response.body()));
    throw new SchemaRegistryException(
        "Schema registry refused " + method + " " + url + " (error " + code + "): " + message,
        code);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private record SubjectSchema(String subject, Schema schema) {}
}
