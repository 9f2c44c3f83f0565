package dev.parley.cli.ops;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A progress line on stderr: a bar, done and total, the rate over the last ten seconds and the time
 * left at that rate. On a terminal it redraws one line in place; otherwise (a log, a file) it
 * writes a line every ten seconds, so that logs stay readable.
 */
public final class ProgressBar {

  private static final long WINDOW_NANOS = 10_000_000_000L;
  private static final long SAMPLE_NANOS = 100_000_000L;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final long LOG_LINE_NANOS = 10_000_000_000L;
  private static final int WIDTH = 24;

  private record Sample(long nanos, long done) {}

  private final PrintWriter err;
  private final String label;
  private final String unit;
  private final boolean terminal;
  private final LongSupplier clock;
  private final Deque<Sample> window = new ArrayDeque<>();
  private boolean drawn;
  private long lastDrawn;

  ProgressBar(
      PrintWriter err, String label, String unit, boolean terminal, LongSupplier nanoClock) {
    this.err = err;
    this.label = label;
    this.unit = unit;
    this.terminal = terminal;
    this.clock = nanoClock;
  }

  /** A bar on the given stream, redrawn in place when the command runs on a terminal. */
  public static ProgressBar on(PrintWriter err, String label, String unit) {
    return new ProgressBar(err, label, unit, System.console() != null, System::nanoTime);
  }

  /**
   * Records progress; cheap enough to call for every record. {@code detail} is appended when drawn,
   * e.g. per-app lag.
   */
  public void update(long done, long total, Supplier<String> detail) {
    long now = clock.getAsLong();
    if (window.isEmpty() || now - window.peekLast().nanos() >= SAMPLE_NANOS) {
      window.addLast(new Sample(now, done));
      while (window.size() > 2 && now - window.peekFirst().nanos() > WINDOW_NANOS) {
        window.removeFirst();
      }
    }
    if (!drawn || now - lastDrawn >= (terminal ? REDRAW_NANOS : LOG_LINE_NANOS)) {
      draw(done, total, detail.get());
      drawn = true;
      lastDrawn = now;
    }
  }

  /** Draws the final state and ends the line. */
  public void finish(long done, long total, String detail) {
    window.addLast(new Sample(clock.getAsLong(), done));
    draw(done, total, detail);
    if (terminal) {
      err.println();
    }
    err.flush();
  }

  /** Records per second over the window; 0 until two samples are apart in time. */
  double rate() {
    Sample first = window.peekFirst();
    Sample last = window.peekLast();
    if (first == null || last.nanos() == first.nanos()) {
      return 0;
    }
    return (last.done() - first.done()) * 1e9 / (last.nanos() - first.nanos());
  }

  String render(long done, long total, String detail) {
    double fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, (double) done / total));
    int filled = (int) Math.round(fraction * WIDTH);
    double rate = rate();
    String eta =
        done >= total
            ? "done"
            : rate > 0 ? "ETA " + duration(Math.round((total - done) / rate)) : "ETA --:--";
    return String.format(
        "%s [%s%s] %3d%% %,d/%,d %s  %,.0f %s/s  %s%s",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        Math.round(fraction * 100),
        done,
        total,
        unit,
        rate,
        unit,
        eta,
        detail == null || detail.isEmpty() ? "" : "  " + detail);
  }

  private void draw(long done, long total, String detail) {
    String line = render(done, total, detail);
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
    } else {
      err.println(line);
    }
    err.flush();
  }

  static String duration(long seconds) {
    return seconds >= 3600
        ? String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }
}
