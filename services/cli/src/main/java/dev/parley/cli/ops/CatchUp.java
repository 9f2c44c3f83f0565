package dev.parley.cli.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * Follows Streams apps until every one runs and has no lag left, and no record of their input waits
 * in a transaction not yet ended, with a progress bar: the work is the most lag each app has shown
 * (the downstream app's lag grows while the upstream one works), what is done is what of it they
 * have worked off.
 */
final class CatchUp {

  private final Admin admin;
  private final List<StreamsApp> apps;
  private final Set<StreamsApp> starting;
  private final ProgressBar progress;
  private volatile boolean stopRequested;

  /**
   * {@code starting}: apps told to start, which show as starting rather than stopped until they
   * have joined.
   */
  CatchUp(Admin admin, List<StreamsApp> apps, Set<StreamsApp> starting, ProgressBar progress) {
    this.admin = admin;
    this.apps = apps;
    this.starting = starting;
    this.progress = progress;
  }

  void stop() {
    stopRequested = true;
  }

  /** True once caught up; false when stopped before. */
  boolean await() throws InterruptedException {
    Map<String, Long> mostLag = new HashMap<>();
    while (!stopRequested) {
      // upstream first: once its lag is 0, its output is in the downstream app's end offsets
      List<AppStatus> statuses = new ArrayList<>();
      for (StreamsApp app : apps) {
        statuses.add(AppStatus.of(admin, app));
      }
      statuses.forEach(s -> mostLag.merge(s.app().applicationId(), s.lag(), Math::max));
      long total = mostLag.values().stream().mapToLong(Long::longValue).sum();
      long left = statuses.stream().mapToLong(AppStatus::lag).sum();
      String detail = statuses.stream().map(this::describe).collect(Collectors.joining(", "));
      if (statuses.stream().allMatch(AppStatus::caughtUp)) {
        progress.finish(total, total, detail);
        return true;
      }
      progress.update(total - left, total, () -> detail);
      Thread.sleep(500);
    }
    return false;
  }

  private String describe(AppStatus status) {
    return status.app().name()
        + (status.running()
            ? String.format(" %,d left", status.lag()) + waiting(status)
            : starting.contains(status.app()) ? " starting" : " NOT RUNNING (start it)");
  }

  /**
   * Why an app without lag is not caught up: an instance that stopped in a transaction holds back
   * the records after its first one until the transaction times out.
   */
  private static String waiting(AppStatus status) {
    return status.lag() == 0 && status.undecided() > 0
        ? String.format(" (%,d more in a transaction not yet ended)", status.undecided())
        : "";
  }
}
