package dev.parley.common;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What keeps a web page in someone's browser from using a Parley service behind their back:
 *
 * <ul>
 *   <li>the {@code Host} header must name this service ({@value HttpSettings#ALLOWED_HOSTS}), so a
 *       DNS-rebound name cannot reach it; the probes ({@code /health}, {@code /ready}, {@code
 *       /metrics}) are exempt because orchestrators call them by IP address and they change
 *       nothing;
 *   <li>a POST must carry a key ({@code Authorization}) or a header a form cannot set ({@value
 *       #CLIENT_HEADER}) unless its Content-Type is one a form cannot send: a cross-site post of
 *       text/plain, urlencoded or multipart data (or of no type) is refused, while a browser must
 *       ask before sending anything else, or any PUT, PATCH or DELETE, and no Parley service
 *       answers that preflight;
 *   <li>every response says not to sniff its type, frame it or leak its address.
 * </ul>
 */
final class BrowserGuards {

  static final String CLIENT_HEADER = "X-Parley-Client";

  private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "::1");
  private static final Set<String> PROBES = Set.of("/health", "/ready", "/metrics");
  private static final Set<String> FORM_TYPES =
      Set.of("", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
  private static final String DEFAULT_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final Set<String> allowedHosts;

  private BrowserGuards(Set<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }

  /**
   * The local names, the host the service binds to, and the names in {@value
   * HttpSettings#ALLOWED_HOSTS}; {@code *} allows any.
   */
  static BrowserGuards from(HttpSettings settings) {
    Set<String> hosts = new HashSet<>(settings.allowedHosts());
    hosts.addAll(LOCAL_NAMES);
    hosts.add(settings.host().toLowerCase(Locale.ROOT));
    return new BrowserGuards(Set.copyOf(hosts));
  }

  void install(JavalinConfig config) {
    config.routes.before(this::check);
    config.routes.after(
        ctx -> {
          if (ctx.res().getHeader("Content-Security-Policy") == null) {
            ctx.header("Content-Security-Policy", DEFAULT_POLICY);
          }
        });
    config.routes.exception(
        RefusedRequest.class,
        (e, ctx) ->
            ctx.status(e.status()).json(Map.of("error", e.getMessage(), "status", e.status())));
  }

  private void check(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    if (PROBES.contains(ctx.path())) {
      return;
    }
    String host = hostName(ctx.header("Host"));
    if (host != null && !allowedHosts.contains("*") && !allowedHosts.contains(host)) {
      throw new RefusedRequest(
          403,
          "Host '"
              + host
              + "' is not one this service answers to; reach it by an allowed name "
              + allowedHosts.stream().sorted().toList()
              + ", or add this one to "
              + HttpSettings.ALLOWED_HOSTS
              + " (comma-separated) where it runs.");
    }
    if (ctx.method() == HandlerType.POST
        && FORM_TYPES.contains(MediaType.of(ctx.header("Content-Type")))
        && ctx.header("Authorization") == null
        && ctx.header(CLIENT_HEADER) == null) {
      throw new RefusedRequest(
          403,
          "A "
              + ctx.method()
              + " with Content-Type '"
              + (ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type"))
              + "' and neither an Authorization nor an "
              + CLIENT_HEADER
              + " header looks like a cross-site form post and is refused; "
              + "send your key (Authorization: Bearer ...), or the header "
              + CLIENT_HEADER
              + ": <your tool's name>.");
    }
  }

  /** The name in a Host header, without its port; null when the request has none. */
  static String hostName(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String host = header.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host : host.substring(1, close);
    }
    int colon = host.indexOf(':');
    return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
  }
}
