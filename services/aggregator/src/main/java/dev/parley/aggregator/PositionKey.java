package dev.parley.aggregator;

/** The key of a position on the state topic: {@code negotiation/actor/issue}. */
public final class PositionKey {

  private PositionKey() {}

  public static String of(String negotiation, String actor, String issue) {
    return negotiation + "/" + actor + "/" + issue;
  }
}
