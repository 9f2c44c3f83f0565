package dev.parley.aggregator;

import dev.parley.avro.PositionState;

/** One record of the state topic: the new state of a position, or null when it was removed. */
record StateChange(String key, PositionState state, int partition, long offset) {

  /** Where the change stands in the state topic; the SSE event id. */
  String eventId() {
    return partition + ":" + offset;
  }
}
