package dev.parley.common;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The HTTP server every service runs: its own routes and settings plus {@code /health} (alive),
 * {@code /ready} (503 until ready) and {@code /metrics} (Prometheus text format), behind the {@link
 * BrowserGuards} every service shares.
 */
public final class ServiceHttp implements AutoCloseable {

  private final Javalin app;
  private final URI address;
  private final BooleanSupplier ready;

  private ServiceHttp(Javalin app, String host, BooleanSupplier ready) {
    this.app = app;
    this.ready = ready;
    String shown = host.equals("0.0.0.0") ? "localhost" : host;
    this.address = URI.create("http://" + shown + ":" + app.port());
  }

  public static ServiceHttp start(
      String service,
      HttpSettings settings,
      BooleanSupplier ready,
      PrometheusMeterRegistry metrics,
      Consumer<JavalinConfig> serviceSetup) {
    String host = settings.host();
    int port = settings.port();
    BrowserGuards guards = BrowserGuards.from(settings);
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.jetty.host = host;
              cfg.jetty.port = port;
              cfg.jsonMapper(
                  new JavalinJackson()
                      .updateMapper(
                          m ->
                              m.registerModule(new JavaTimeModule())
                                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)));
              cfg.routes.get(
                  "/health", ctx -> ctx.json(Map.of("service", service, "status", "UP")));
              cfg.routes.get(
                  "/ready",
                  ctx -> {
                    boolean isReady = ready.getAsBoolean();
                    ctx.status(isReady ? 200 : 503)
                        .json(Map.of("service", service, "ready", isReady));
                  });
              cfg.routes.get(
                  "/metrics",
                  ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
              guards.install(cfg);
              serviceSetup.accept(cfg);
            });
    try {
      app.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The "
              + service
              + " cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "). Stop whatever uses that port or set "
              + ServiceConfig.HTTP_PORT
              + " to a free one.",
          e);
    }
    return new ServiceHttp(app, host, ready);
  }

  public URI address() {
    return address;
  }

  public boolean isReady() {
    return ready.getAsBoolean();
  }

  @Override
  public void close() {
    app.stop();
  }
}
