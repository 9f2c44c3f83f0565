package dev.parley.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a service's HTTP server listens, each service with its own default port, and the names it
 * answers to besides the local ones ({@value #ALLOWED_HOSTS}, see {@link BrowserGuards}).
 */
public record HttpSettings(String host, int port, Set<String> allowedHosts) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final String ALLOWED_HOSTS = ServiceConfig.ALLOWED_HOSTS;
  private static final int HIGHEST_PORT = 65535;

  public HttpSettings {
    allowedHosts = Set.copyOf(allowedHosts);
  }

  public static HttpSettings from(ServiceConfig config, int defaultPort) {
    int port = config.getInt(ServiceConfig.HTTP_PORT, defaultPort, 0);
    if (port > HIGHEST_PORT) {
      throw new InvalidConfigException(
          ServiceConfig.HTTP_PORT,
          String.valueOf(port),
          "is above "
              + HIGHEST_PORT
              + "; set a port from 1 to "
              + HIGHEST_PORT
              + " (0 picks a free one)");
    }
    Set<String> allowed =
        Arrays.stream(config.get(ALLOWED_HOSTS, "").split(","))
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .collect(Collectors.toSet());
    return new HttpSettings(config.get(ServiceConfig.HTTP_HOST, DEFAULT_HOST), port, allowed);
  }
}
