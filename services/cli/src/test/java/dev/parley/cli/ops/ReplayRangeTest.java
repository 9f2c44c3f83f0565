package dev.parley.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayRangeTest {

  private final ReplayRange range =
      new ReplayRange(
          "parley.articles",
          List.of(
              new ReplayRange.PartitionRange(1, 10, 20),
              new ReplayRange.PartitionRange(0, 0, 5),
              new ReplayRange.PartitionRange(2, 7, 7)));

  @Test
  void countsOffsetsAndWritesTheExactRangeAsPartitionOffsetPairs() {
    assertEquals(15, range.offsets());
    assertEquals(List.of("--from", "0:0,1:10,2:7", "--until", "0:5,1:20,2:7"), range.arguments());
  }

  @Test
  void whatIsLeftKeepsTheEndsAndStartsWhereTheReplayStopped() {
    ReplayRange rest = range.from(Map.of(0, 5L, 1, 13L, 2, 7L));
    assertEquals(List.of("--from", "0:5,1:13,2:7", "--until", "0:5,1:20,2:7"), rest.arguments());
    assertEquals(7, rest.offsets());
  }

  @Test
  void theResumeCommandCanBePastedIntoAShell() {
    assertEquals(
        "./parley replay parley.articles --where 'headline=Kremlin'\\''s plan' --from 0:5,1:13",
        ShellWords.join(
            List.of(
                "./parley",
                "replay",
                "parley.articles",
                "--where",
                "headline=Kremlin's plan",
                "--from",
                "0:5,1:13")));
  }
}
