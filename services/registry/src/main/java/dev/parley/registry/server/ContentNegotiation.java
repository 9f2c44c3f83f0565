package dev.parley.registry.server;

import dev.parley.registry.SchemaRegistryException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The media types of Confluent's registry API: request bodies in any of its JSON types (or untyped,
 * as curl and some clients send them), answers in the type the client accepts. A body of another
 * type is refused with 415, an Accept header naming none of them with 406, as Jersey does for
 * Confluent's registry.
 */
final class ContentNegotiation {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final List<String> ANSWER_TYPES =
      List.of(V1_JSON, "application/vnd.schemaregistry+json", "application/json");
  private static final Set<String> BODY_TYPES =
      Set.of(
          V1_JSON,
          "application/vnd.schemaregistry+json",
          "application/json",
          "application/octet-stream");
  private static final String CHOSEN = "registry.answer-type";

  private ContentNegotiation() {}

  /** Checks the request's types and remembers the answer's; throws 415 or 406. */
  static void check(Context ctx) {
    String contentType = ctx.header("Content-Type");
    if (contentType != null
        && !contentType.isBlank()
        && !BODY_TYPES.contains(mediaType(contentType))) {
      throw new SchemaRegistryException(
          "HTTP 415 Unsupported Media Type: send the body as "
              + V1_JSON
              + " (or application/json), not "
              + contentType,
          415);
    }
    ctx.attribute(
        CHOSEN,
        answerType(ctx.header("Accept"))
            .orElseThrow(
                () ->
                    new SchemaRegistryException(
                        "HTTP 406 Not Acceptable: this registry answers in "
                            + ANSWER_TYPES
                            + "; accept one of them (or */*), not "
                            + ctx.header("Accept"),
                        406)));
  }

  /**
   * The answer's media type: the one negotiated, or the registry's own when negotiation failed or
   * never ran.
   */
  static String answerType(Context ctx) {
    String chosen = ctx.attribute(CHOSEN);
    return chosen != null ? chosen : V1_JSON;
  }

  private static Optional<String> answerType(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(V1_JSON);
    }
    return Arrays.stream(accept.split(","))
        .map(Accepted::parse)
        .filter(a -> a.quality() > 0)
        .sorted(Comparator.comparingDouble(Accepted::quality).reversed())
        .map(Accepted::served)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static String mediaType(String header) {
    return header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  /** One entry of an Accept header. */
  private record Accepted(String type, double quality) {

    static Accepted parse(String entry) {
      double quality = 1;
      for (String parameter : entry.split(";")) {
        String[] pair = parameter.trim().split("=", 2);
        if (pair.length == 2 && pair[0].trim().equals("q")) {
          try {
            quality = Double.parseDouble(pair[1].trim());
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      return new Accepted(mediaType(entry), quality);
    }

    Optional<String> served() {
      if (type.equals("*/*") || type.equals("application/*")) {
        return Optional.of(V1_JSON);
      }
      return ANSWER_TYPES.stream().filter(type::equals).findFirst();
    }
  }
}
