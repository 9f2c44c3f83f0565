package dev.parley.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.registry.CompatibilityLevel;
import dev.parley.registry.RegisteredSchema;
import dev.parley.registry.SchemaRegistryException;
import dev.parley.registry.SchemaStore;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The endpoints of the Confluent Schema Registry REST API that Parley and common clients (Kafka
 * serdes, kcat, Kafka UI, Connect) use, with the same paths, bodies and error codes.
 */
final class RegistryRoutes {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaLog log;
  private final SchemaStore store;

  RegistryRoutes(SchemaLog log) {
    this.log = log;
    this.store = log.store();
  }

  void register(JavalinConfig config) {
    RoutesConfig routes = config.routes;
    routes.exception(SchemaRegistryException.class, (e, ctx) -> error(ctx, e.errorCode(), e.getMessage()));
    routes.get("/", ctx -> json(ctx, Map.of()));
    routes.get("/subjects", ctx -> json(ctx, store.subjects()));
    routes.get("/subjects/{subject}/versions", ctx ->
        json(ctx, store.versions(ctx.pathParam("subject")).stream().map(RegisteredSchema::version).toList()));
    routes.post("/subjects/{subject}/versions", ctx -> {
      RegisteredSchema registered = log.register(ctx.pathParam("subject"), schemaFrom(ctx));
      json(ctx, Map.of("id", registered.id()));
    });
    routes.post("/subjects/{subject}", ctx -> {
      String subject = ctx.pathParam("subject");
      store.versions(subject);
      RegisteredSchema found = store.find(subject, schemaFrom(ctx))
          .orElseThrow(() -> new SchemaRegistryException("Schema not found", SchemaStore.SCHEMA_NOT_FOUND));
      json(ctx, describe(found));
    });
    routes.get("/subjects/{subject}/versions/{version}", ctx ->
        json(ctx, describe(store.version(ctx.pathParam("subject"), ctx.pathParam("version")))));
    routes.get("/subjects/{subject}/versions/{version}/schema", ctx ->
        ctx.contentType(CONTENT_TYPE).result(store.version(ctx.pathParam("subject"), ctx.pathParam("version")).schema().toString()));
    routes.get("/schemas/ids/{id}", ctx -> json(ctx, Map.of("schema", schemaById(ctx).toString())));
    routes.get("/schemas/ids/{id}/schema", ctx -> ctx.contentType(CONTENT_TYPE).result(schemaById(ctx).toString()));
    routes.get("/schemas/ids/{id}/versions", ctx -> json(ctx, store.usesOf(id(ctx)).stream()
        .map(v -> Map.of("subject", v.subject(), "version", v.version())).toList()));
    routes.get("/schemas/types", ctx -> json(ctx, List.of("AVRO")));
    routes.get("/config", ctx -> json(ctx, Map.of("compatibilityLevel", store.compatibility(null).name())));
    routes.put("/config", ctx -> json(ctx, Map.of("compatibility", setCompatibility(ctx, null).name())));
    routes.get("/config/{subject}", ctx -> json(ctx, Map.of("compatibilityLevel", store.compatibility(ctx.pathParam("subject")).name())));
    routes.put("/config/{subject}", ctx -> json(ctx, Map.of("compatibility", setCompatibility(ctx, ctx.pathParam("subject")).name())));
    routes.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> {
      String subject = ctx.pathParam("subject");
      store.version(subject, ctx.pathParam("version"));
      Schema candidate = schemaFrom(ctx);
      List<Schema> existing = store.versions(subject).stream().map(RegisteredSchema::schema).toList();
      String problem = store.compatibility(subject).incompatibility(candidate, existing);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("is_compatible", problem == null);
      if (problem != null) {
        answer.put("messages", List.of(problem));
      }
      json(ctx, answer);
    });
  }

  private CompatibilityLevel setCompatibility(Context ctx, String subject) {
    JsonNode body = body(ctx);
    String level = body.path("compatibility").asText(body.path("compatibilityLevel").asText(""));
    CompatibilityLevel parsed;
    try {
      parsed = CompatibilityLevel.valueOf(level);
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException("Invalid compatibility level '" + level + "'; use one of "
          + List.of(CompatibilityLevel.values()), 42203);
    }
    log.setCompatibility(subject, parsed);
    return parsed;
  }

  private Schema schemaById(Context ctx) {
    int id = id(ctx);
    return store.schemaById(id).orElseThrow(() -> new SchemaRegistryException("Schema " + id + " not found", SchemaStore.SCHEMA_NOT_FOUND));
  }

  private static int id(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException("Schema id '" + ctx.pathParam("id") + "' is not a number", SchemaStore.SCHEMA_NOT_FOUND);
    }
  }

  private static Schema schemaFrom(Context ctx) {
    JsonNode body = body(ctx);
    String type = body.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new SchemaRegistryException("Schema type " + type + " is not supported by this registry; it stores AVRO only",
          SchemaStore.INVALID_SCHEMA);
    }
    if (!body.hasNonNull("schema")) {
      throw new SchemaRegistryException("The request body has no \"schema\" field; send {\"schema\": \"<Avro schema JSON as a string>\"}",
          SchemaStore.INVALID_SCHEMA);
    }
    try {
      return new Schema.Parser().parse(body.get("schema").asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException("Invalid schema: " + e.getMessage(), SchemaStore.INVALID_SCHEMA);
    }
  }

  private static JsonNode body(Context ctx) {
    try {
      return JSON.readTree(ctx.body());
    } catch (java.io.IOException e) {
      throw new SchemaRegistryException("The request body is not JSON: " + e.getMessage(), 50005);
    }
  }

  private static Map<String, Object> describe(RegisteredSchema v) {
    return Map.of("subject", v.subject(), "version", v.version(), "id", v.id(), "schema", v.schema().toString());
  }

  private static void json(Context ctx, Object value) {
    ctx.json(value).contentType(CONTENT_TYPE);
  }

  private static void error(Context ctx, int code, String message) {
    int status = code >= 1000 ? code / 100 : code;
    ctx.status(status).contentType(CONTENT_TYPE).result(JSON.createObjectNode().put("error_code", code).put("message", message).toString());
  }
}
