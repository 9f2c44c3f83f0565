package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.avro.PositionState;
import dev.parley.avro.Trend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssueGapTest {

  @Test
  void theSpreadRunsFromTheLowestToTheHighestStanceAndWidestIssuesComeFirst() {
    List<IssueGap> gaps =
        IssueGap.of(
            List.of(
                state("russia", "territory", 2),
                state("ukraine", "territory", -2),
                state("us", "territory", 1),
                state("russia", "ceasefire", 1),
                state("ukraine", "ceasefire", 1),
                state("europe", "sanctions", 2)));

    assertEquals(
        List.of("territory", "ceasefire", "sanctions"),
        gaps.stream().map(IssueGap::issue).toList());
    IssueGap territory = gaps.get(0);
    assertEquals(4, territory.spread());
    assertEquals(List.of("ukraine"), territory.lowest());
    assertEquals(List.of("russia"), territory.highest());
    assertEquals(Map.of("russia", 2, "ukraine", -2, "us", 1), territory.stances());
    assertEquals(0, gaps.get(1).spread(), "the parties agree");
    assertEquals(List.of("russia", "ukraine"), gaps.get(1).lowest());
    assertNull(gaps.get(2).spread(), "one party alone has no gap to measure");
  }

  @Test
  void negotiationsAreKeptApart() {
    List<IssueGap> gaps =
        IssueGap.of(
            List.of(
                stateIn("ukraine-peace", "union", "pay", 2),
                stateIn("other-talks", "employer", "pay", -2)));
    assertEquals(2, gaps.size());
  }

  @Test
  void unconfirmedPositionsAreNoPartysStance() {
    PositionState unconfirmed = state("us", "territory", -2);
    unconfirmed.setConfirmed(false);
    List<IssueGap> gaps =
        IssueGap.of(
            List.of(
                state("russia", "territory", 2), state("ukraine", "territory", 1), unconfirmed));
    assertEquals(1, gaps.get(0).spread());
    assertEquals(Map.of("russia", 2, "ukraine", 1), gaps.get(0).stances());
  }

  private static PositionState state(String actor, String issue, int stance) {
    return stateIn("ukraine-peace", actor, issue, stance);
  }

  private static PositionState stateIn(String negotiation, String actor, String issue, int stance) {
    Instant t = Instant.ofEpochSecond(100);
    return PositionState.newBuilder()
        .setNegotiation(negotiation)
        .setActor(actor)
        .setIssue(issue)
        .setStance(stance)
        .setConfidence(0.8)
        .setSince(t)
        .setFirstSeen(t)
        .setLastSeen(t)
        .setArticleCount(1)
        .setSourceCount(1)
        .setTrend(Trend.STEADY)
        .setDisputed(false)
        .setEvidence(List.of())
        .setHistory(List.of())
        .build();
  }
}
