package dev.parley.common;

/** Where a service's HTTP server listens; each service has its own default port. */
public record HttpSettings(String host, int port) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  private static final int HIGHEST_PORT = 65535;

  public static HttpSettings from(ServiceConfig config, int defaultPort) {
    int port = config.getInt(ServiceConfig.HTTP_PORT, defaultPort, 0);
    if (port > HIGHEST_PORT) {
      throw new InvalidConfigException(ServiceConfig.HTTP_PORT, String.valueOf(port), "is above " + HIGHEST_PORT
          + "; set a port from 1 to " + HIGHEST_PORT + " (0 picks a free one)");
    }
    return new HttpSettings(config.get(ServiceConfig.HTTP_HOST, DEFAULT_HOST), port);
  }
}
