package dev.parley.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.registry.CompatibilityLevel;
import dev.parley.registry.RegisteredSchema;
import dev.parley.registry.SchemaRegistryException;
import dev.parley.registry.SchemaStore;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The endpoints of the Confluent Schema Registry REST API that client libraries call (Kafka serdes,
 * Confluent's Node and Python clients, kcat, Kafka UI, Connect), with the same paths, bodies, error
 * codes and media types; docs/registry.md lists them and the few places Parley differs.
 */
final class RegistryRoutes {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The service plumbing's own endpoints, which answer in their own types. */
  private static final Set<String> PLUMBING = Set.of("/health", "/ready", "/metrics");

  private static final int MODE_NOT_CONFIGURED = 40409;
  private static final int OPERATION_NOT_PERMITTED = 42205;

  private final SchemaLog log;
  private final SchemaStore store;
  private final AdminKey adminKey;

  RegistryRoutes(SchemaLog log, AdminKey adminKey) {
    this.log = log;
    this.store = log.store();
    this.adminKey = adminKey;
  }

  void register(JavalinConfig config) {
    config.http.prefer405over404 = true;
    RoutesConfig routes = config.routes;
    routes.exception(
        SchemaRegistryException.class, (e, ctx) -> error(ctx, e.errorCode(), e.getMessage()));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> error(ctx, e.getStatus(), "HTTP " + e.getStatus() + " " + e.getMessage()));
    routes.before(
        ctx -> {
          if (!PLUMBING.contains(ctx.path())) {
            ContentNegotiation.check(ctx);
            adminKey.check(ctx);
          }
        });
    routes.get("/", ctx -> json(ctx, Map.of()));
    subjects(routes);
    schemas(routes);
    compatibility(routes);
    configAndMode(routes);
    // only the default context, which Confluent lists as "." (qualified subjects spell it ":.:")
    routes.get("/contexts", ctx -> json(ctx, List.of(".")));
  }

  private void subjects(RoutesConfig routes) {
    routes.get(
        "/subjects",
        ctx -> {
          boolean deletedOnly =
              ctx.queryParamAsClass("deletedOnly", Boolean.class).getOrDefault(false);
          List<String> live = store.subjects(false);
          json(
              ctx,
              store.subjects(deleted(ctx) || deletedOnly).stream()
                  .filter(s -> !deletedOnly || !live.contains(s))
                  .filter(
                      s ->
                          s.startsWith(
                              ctx.queryParamAsClass("subjectPrefix", String.class)
                                  .getOrDefault("")))
                  .toList());
        });
    routes.get(
        "/subjects/{subject}/versions",
        ctx ->
            json(
                ctx,
                store.versions(subject(ctx), deleted(ctx)).stream()
                    .map(RegisteredSchema::version)
                    .toList()));
    routes.post(
        "/subjects/{subject}/versions",
        ctx -> json(ctx, Map.of("id", log.register(subject(ctx), schemaFrom(ctx)).id())));
    routes.post(
        "/subjects/{subject}",
        ctx -> {
          store.versions(subject(ctx), deleted(ctx));
          RegisteredSchema found =
              store
                  .find(subject(ctx), schemaFrom(ctx), deleted(ctx))
                  .orElseThrow(
                      () ->
                          new SchemaRegistryException(
                              "Schema not found", SchemaStore.SCHEMA_NOT_FOUND));
          json(ctx, describe(found));
        });
    routes.delete(
        "/subjects/{subject}",
        ctx -> {
          List<RegisteredSchema> deleted =
              permanent(ctx)
                  ? log.hardDeleteSubject(subject(ctx))
                  : log.softDeleteSubject(subject(ctx));
          json(ctx, deleted.stream().map(RegisteredSchema::version).toList());
        });
    routes.get("/subjects/{subject}/versions/{version}", ctx -> json(ctx, describe(version(ctx))));
    routes.get(
        "/subjects/{subject}/versions/{version}/schema", ctx -> raw(ctx, version(ctx).schema()));
    // Parley stores Avro without schema references, so no version is ever referenced by another
    routes.get(
        "/subjects/{subject}/versions/{version}/referencedby",
        ctx -> {
          store.version(subject(ctx), ctx.pathParam("version"), true);
          json(ctx, List.of());
        });
    routes.delete(
        "/subjects/{subject}/versions/{version}",
        ctx -> {
          String version = ctx.pathParam("version");
          SchemaStore.versionNumber(version);
          RegisteredSchema deleted =
              permanent(ctx)
                  ? log.hardDelete(subject(ctx), version)
                  : log.softDelete(subject(ctx), version);
          json(ctx, deleted.version());
        });
  }

  private void schemas(RoutesConfig routes) {
    routes.get(
        "/schemas",
        ctx -> {
          List<RegisteredSchema> all =
              store.schemas(
                  ctx.queryParamAsClass("subjectPrefix", String.class).getOrDefault(""),
                  deleted(ctx));
          boolean latestOnly =
              ctx.queryParamAsClass("latestOnly", Boolean.class).getOrDefault(false);
          json(
              ctx,
              all.stream()
                  .filter(
                      v ->
                          !latestOnly
                              || all.stream()
                                  .noneMatch(
                                      w ->
                                          w.subject().equals(v.subject())
                                              && w.version() > v.version()))
                  .map(RegistryRoutes::describe)
                  .toList());
        });
    routes.get("/schemas/ids/{id}", ctx -> json(ctx, Map.of("schema", schemaById(ctx).toString())));
    routes.get("/schemas/ids/{id}/schema", ctx -> raw(ctx, schemaById(ctx)));
    routes.get(
        "/schemas/ids/{id}/subjects",
        ctx -> json(ctx, uses(ctx).stream().map(RegisteredSchema::subject).distinct().toList()));
    routes.get(
        "/schemas/ids/{id}/versions",
        ctx ->
            json(
                ctx,
                uses(ctx).stream()
                    .map(v -> Map.of("subject", v.subject(), "version", v.version()))
                    .toList()));
    routes.get("/schemas/types", ctx -> json(ctx, List.of("AVRO")));
  }

  private void compatibility(RoutesConfig routes) {
    routes.post(
        "/compatibility/subjects/{subject}/versions/{version}",
        ctx -> {
          // as in Confluent's registry: "latest" of a subject without versions accepts anything, a
          // missing number is 40402
          int version = SchemaStore.versionNumber(ctx.pathParam("version"));
          List<RegisteredSchema> live =
              store.subjects().contains(subject(ctx)) ? store.versions(subject(ctx)) : List.of();
          List<Schema> against =
              live.stream()
                  .filter(
                      v -> version == -1 ? v == live.get(live.size() - 1) : v.version() == version)
                  .map(RegisteredSchema::schema)
                  .toList();
          if (version != -1 && against.isEmpty()) {
            throw new SchemaRegistryException(
                "Version " + version + " not found.", SchemaStore.VERSION_NOT_FOUND);
          }
          checkCompatibility(ctx, against);
        });
    routes.post(
        "/compatibility/subjects/{subject}/versions",
        ctx -> {
          // a subject with no versions yet accepts any schema, as registering would
          List<Schema> existing =
              store.subjects().contains(subject(ctx))
                  ? store.versions(subject(ctx)).stream().map(RegisteredSchema::schema).toList()
                  : List.of();
          checkCompatibility(ctx, existing);
        });
  }

  private void configAndMode(RoutesConfig routes) {
    routes.get(
        "/config",
        ctx -> json(ctx, Map.of("compatibilityLevel", store.compatibility(null).name())));
    routes.put(
        "/config", ctx -> json(ctx, Map.of("compatibility", setCompatibility(ctx, null).name())));
    routes.delete(
        "/config",
        ctx -> {
          CompatibilityLevel previous = store.compatibility(null);
          log.clearCompatibility(null);
          json(ctx, Map.of("compatibilityLevel", previous.name()));
        });
    routes.get(
        "/config/{subject}",
        ctx -> json(ctx, Map.of("compatibilityLevel", subjectCompatibility(ctx).name())));
    routes.put(
        "/config/{subject}",
        ctx -> json(ctx, Map.of("compatibility", setCompatibility(ctx, subject(ctx)).name())));
    routes.delete(
        "/config/{subject}",
        ctx -> {
          CompatibilityLevel previous =
              ownCompatibility(
                  ctx,
                  "has no subject-level compatibility to delete",
                  SchemaStore.SUBJECT_NOT_FOUND);
          log.clearCompatibility(subject(ctx));
          json(ctx, Map.of("compatibilityLevel", previous.name()));
        });
    // Parley's registry is always READWRITE: it is the only writer of its topic and does not import
    // schemas
    routes.get("/mode", ctx -> json(ctx, Map.of("mode", "READWRITE")));
    routes.get(
        "/mode/{subject}",
        ctx -> {
          if (!ctx.queryParamAsClass("defaultToGlobal", Boolean.class).getOrDefault(false)) {
            throw new SchemaRegistryException(
                "Subject '"
                    + subject(ctx)
                    + "' does not have subject-level mode configured; "
                    + "ask with ?defaultToGlobal=true for the global mode",
                MODE_NOT_CONFIGURED);
          }
          json(ctx, Map.of("mode", "READWRITE"));
        });
    routes.put("/mode", ctx -> refuseModeChange());
    routes.put("/mode/{subject}", ctx -> refuseModeChange());
  }

  private static void refuseModeChange() {
    throw new SchemaRegistryException(
        "This registry is always READWRITE; changing the mode is not supported. "
            + "For IMPORT or READONLY modes run Confluent Schema Registry and point SCHEMA_REGISTRY_URL at it.",
        OPERATION_NOT_PERMITTED);
  }

  private void checkCompatibility(Context ctx, List<Schema> existing) {
    String problem = store.compatibility(subject(ctx)).incompatibility(schemaFrom(ctx), existing);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("is_compatible", problem == null);
    if (ctx.queryParamAsClass("verbose", Boolean.class).getOrDefault(false)) {
      answer.put("messages", problem == null ? List.of() : List.of(problem));
    }
    json(ctx, answer);
  }

  private CompatibilityLevel subjectCompatibility(Context ctx) {
    if (ctx.queryParamAsClass("defaultToGlobal", Boolean.class).getOrDefault(false)) {
      return store.compatibility(subject(ctx));
    }
    return ownCompatibility(
        ctx,
        "does not have subject-level compatibility configured; ask with ?defaultToGlobal=true for the level that applies",
        SchemaStore.SUBJECT_CONFIG_NOT_FOUND);
  }

  /** The subject's own level, not the global one; {@code missing} says why there is none. */
  private CompatibilityLevel ownCompatibility(Context ctx, String missing, int errorCode) {
    return store
        .subjectCompatibility(subject(ctx))
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    "Subject '" + subject(ctx) + "' " + missing, errorCode));
  }

  private CompatibilityLevel setCompatibility(Context ctx, String subject) {
    JsonNode body = body(ctx);
    String level = body.path("compatibility").asText(body.path("compatibilityLevel").asText(""));
    CompatibilityLevel parsed;
    try {
      parsed = CompatibilityLevel.valueOf(level);
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException(
          "Invalid compatibility level '"
              + level
              + "'; use one of "
              + List.of(CompatibilityLevel.values()),
          SchemaStore.INVALID_COMPATIBILITY);
    }
    log.setCompatibility(subject, parsed);
    return parsed;
  }

  private RegisteredSchema version(Context ctx) {
    return store.version(subject(ctx), ctx.pathParam("version"), deleted(ctx));
  }

  private Schema schemaById(Context ctx) {
    int id = id(ctx);
    return store.schemaById(id).orElseThrow(() -> schemaNotFound(id));
  }

  private List<RegisteredSchema> uses(Context ctx) {
    int id = id(ctx);
    List<RegisteredSchema> uses = store.usesOf(id, deleted(ctx));
    if (uses.isEmpty()) {
      throw schemaNotFound(id);
    }
    return uses;
  }

  private static SchemaRegistryException schemaNotFound(int id) {
    return new SchemaRegistryException("Schema " + id + " not found", SchemaStore.SCHEMA_NOT_FOUND);
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static boolean deleted(Context ctx) {
    return ctx.queryParamAsClass("deleted", Boolean.class).getOrDefault(false);
  }

  private static boolean permanent(Context ctx) {
    return ctx.queryParamAsClass("permanent", Boolean.class).getOrDefault(false);
  }

  private static int id(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(
          "HTTP 404 Not Found: schema id '" + ctx.pathParam("id") + "' is not a number", 404);
    }
  }

  private static Schema schemaFrom(Context ctx) {
    JsonNode body = body(ctx);
    String type = body.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new SchemaRegistryException(
          "Schema type " + type + " is not supported by this registry; it stores AVRO only",
          SchemaStore.INVALID_SCHEMA);
    }
    if (body.path("references").size() > 0) {
      throw new SchemaRegistryException(
          "Schema references are not supported by this registry; inline the referenced types "
              + "in the schema",
          SchemaStore.INVALID_SCHEMA);
    }
    String schema = body.path("schema").asText("");
    if (schema.isBlank()) {
      throw new SchemaRegistryException(
          "Empty schema: send {\"schema\": \"<Avro schema JSON as a string>\"}",
          SchemaStore.INVALID_SCHEMA);
    }
    try {
      return new Schema.Parser().parse(schema);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          "Invalid schema: " + e.getMessage(), SchemaStore.INVALID_SCHEMA);
    }
  }

  /**
   * The request body as a JSON object; anything else is the client's mistake, so 400 as Confluent
   * answers.
   */
  private static JsonNode body(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(
          "The request body is not JSON: "
              + e.getOriginalMessage()
              + ". Send a JSON object, e.g. {\"schema\": \"...\"}",
          400);
    }
    if (body == null || !body.isObject()) {
      throw new SchemaRegistryException(
          "The request body must be a JSON object, e.g. {\"schema\": \"...\"}", 400);
    }
    return body;
  }

  /** A version as Confluent's registry shows it, fields in its order. */
  private static Map<String, Object> describe(RegisteredSchema v) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("subject", v.subject());
    described.put("version", v.version());
    described.put("id", v.id());
    described.put("schema", v.schema().toString());
    return described;
  }

  private static void json(Context ctx, Object value) {
    ctx.json(value).contentType(ContentNegotiation.answerType(ctx));
  }

  /**
   * A schema on its own, as Confluent's /schema endpoints give it: the schema's JSON as the body.
   */
  private static void raw(Context ctx, Schema schema) {
    ctx.contentType(ContentNegotiation.answerType(ctx)).result(schema.toString());
  }

  private static void error(Context ctx, int code, String message) {
    int status = code >= 1000 ? code / 100 : code;
    ctx.status(status)
        .contentType(ContentNegotiation.answerType(ctx))
        .result(JSON.createObjectNode().put("error_code", code).put("message", message).toString());
  }
}
