package dev.parley.common;

import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one service from the environment until SIGTERM or Ctrl-C, then closes it cleanly. */
public final class ServiceMain {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

  private ServiceMain() {}

  public static void run(Function<ServiceConfig, ParleyService> starter) {
    ServiceConfig config = ServiceConfig.fromEnvironment();
    ParleyService service;
    try {
      service = starter.apply(config);
    } catch (RuntimeException e) {
      LOG.error("Could not start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    LOG.info("{} listening on {}", service.name(), service.httpAddress());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                },
                "shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
