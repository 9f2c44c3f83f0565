package dev.parley.aggregator;

import dev.parley.avro.PositionState;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far apart the parties are on one issue: the spread of their current stances (0 when all
 * agree, 4 when one demands what another rejects). Only actors with a stance count; an issue with a
 * single actor has no spread yet. Unconfirmed positions are no party's stance and do not count.
 */
record IssueGap(
    String negotiation,
    String issue,
    Map<String, Integer> stances,
    Integer spread,
    List<String> lowest,
    List<String> highest) {

  /**
   * One gap per (negotiation, issue) of the given confirmed positions, widest first, then by name.
   */
  static List<IssueGap> of(Collection<PositionState> positions) {
    Map<String, List<PositionState>> byIssue =
        positions.stream()
            .filter(PositionState::getConfirmed)
            .collect(
                Collectors.groupingBy(
                    p -> p.getNegotiation() + "/" + p.getIssue(),
                    TreeMap::new,
                    Collectors.toList()));
    return byIssue.values().stream()
        .map(IssueGap::of)
        .sorted(
            Comparator.comparing((IssueGap g) -> g.spread() == null ? -1 : g.spread()).reversed())
        .toList();
  }

  private static IssueGap of(List<PositionState> onOneIssue) {
    Map<String, Integer> stances = new TreeMap<>();
    onOneIssue.forEach(p -> stances.put(p.getActor(), p.getStance()));
    int min = stances.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    int max = stances.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    PositionState any = onOneIssue.get(0);
    return new IssueGap(
        any.getNegotiation(),
        any.getIssue(),
        stances,
        stances.size() < 2 ? null : max - min,
        actorsWith(stances, min),
        actorsWith(stances, max));
  }

  private static List<String> actorsWith(Map<String, Integer> stances, int stance) {
    return stances.entrySet().stream()
        .filter(e -> e.getValue() == stance)
        .map(Map.Entry::getKey)
        .toList();
  }
}
