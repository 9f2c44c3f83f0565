package dev.parley.aggregator;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The dashboard at {@code /}: static files that read the state API. The policy headers are a second
 * line of defence behind the page's own rule of never writing article text as HTML: only the
 * dashboard's own script may run, and nothing may be framed or loaded from elsewhere.
 */
final class Dashboard {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; "
          + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private Dashboard() {}

  static void register(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = "/dashboard";
          files.location = Location.CLASSPATH;
          files.headers =
              Map.of(
                  "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                  "X-Content-Type-Options", "nosniff",
                  "Referrer-Policy", "no-referrer",
                  "Cache-Control", "no-cache");
        });
  }
}
