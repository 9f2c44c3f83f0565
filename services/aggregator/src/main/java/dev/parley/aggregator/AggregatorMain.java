package dev.parley.aggregator;

import dev.parley.common.ServiceMain;

/** Runs the aggregator alone, configured from the environment. */
public final class AggregatorMain {

  private AggregatorMain() {}

  public static void main(String[] args) {
    ServiceMain.run(AggregatorService::start);
  }
}
