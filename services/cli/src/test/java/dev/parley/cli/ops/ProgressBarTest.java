package dev.parley.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private long now;
  private final StringWriter written = new StringWriter();

  @Test
  void showsTheRateOverTheLastSecondsAndTheTimeLeftAtThatRate() {
    ProgressBar bar =
        new ProgressBar(new PrintWriter(written), "replay", "records", false, () -> now);
    bar.update(0, 10_000, () -> "");
    now += 2_000_000_000L;
    bar.update(2_000, 10_000, () -> "2000 moved");

    assertEquals(1000, bar.rate(), 0.001);
    assertEquals(
        "replay [#####...................]  20% 2,000/10,000 records  1,000 records/s  ETA 0:08  2000 moved",
        bar.render(2_000, 10_000, "2000 moved"));
  }

  @Test
  void inALogItWritesALineEveryTenSecondsAndTheLastOne() {
    ProgressBar bar =
        new ProgressBar(new PrintWriter(written), "replay", "records", false, () -> now);
    for (int second = 0; second <= 25; second++) {
      now = second * 1_000_000_000L;
      bar.update(second * 100L, 3000, () -> null);
    }
    bar.finish(3000, 3000, null);

    String[] lines = written.toString().split("\n");
    assertEquals(4, lines.length, written.toString());
    assertTrue(
        lines[3].contains("100% 3,000/3,000 records") && lines[3].contains("done"), lines[3]);
  }

  @Test
  void longDurationsShowHours() {
    assertEquals("0:59", ProgressBar.duration(59));
    assertEquals("1:01:05", ProgressBar.duration(3665));
  }
}
