package dev.parley.common;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started service: its HTTP server (which also knows whether the service is ready) and the parts
 * it closes after the server, in the order given. A service that must answer what is in flight
 * before its server stops drains first.
 */
public final class RunningService implements ParleyService {

  private static final Logger LOG = LoggerFactory.getLogger(RunningService.class);

  private final String name;
  private final ServiceHttp http;
  private final List<AutoCloseable> parts;
  private final Runnable drain;

  public RunningService(String name, ServiceHttp http, AutoCloseable... parts) {
    this(name, () -> {}, http, parts);
  }

  private RunningService(String name, Runnable drain, ServiceHttp http, AutoCloseable... parts) {
    this.name = name;
    this.drain = drain;
    this.http = http;
    this.parts = List.of(parts);
  }

  /** A service whose close runs {@code drain} while its server still answers, then stops it. */
  public static RunningService draining(
      String name, Runnable drain, ServiceHttp http, AutoCloseable... parts) {
    return new RunningService(name, drain, http, parts);
  }

  /** Closes parts started before a later step failed, then rethrows the failure. */
  public static RuntimeException closeAfterFailure(
      RuntimeException failure, AutoCloseable... parts) {
    for (AutoCloseable part : parts) {
      try {
        part.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
    return failure;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public URI httpAddress() {
    return http.address();
  }

  @Override
  public boolean isReady() {
    return http.isReady();
  }

  @Override
  public void close() {
    drain.run();
    http.close();
    for (AutoCloseable part : parts) {
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("While stopping the {}: {}", name, e.toString());
      }
    }
  }
}
