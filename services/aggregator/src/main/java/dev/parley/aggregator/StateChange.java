package dev.parley.aggregator;

import dev.parley.avro.PositionChange;

/**
 * One record of the change topic and where it stands in it, with its JSON made once however many
 * subscribers send it: a change carries two states with their evidence, tens of kilobytes of JSON.
 */
final class StateChange {

  private final String key;
  private final PositionChange change;
  private final int partition;
  private final long offset;
  private byte[] json;

  StateChange(String key, PositionChange change, int partition, long offset) {
    this.key = key;
    this.change = change;
    this.partition = partition;
    this.offset = offset;
  }

  String key() {
    return key;
  }

  PositionChange change() {
    return change;
  }

  int partition() {
    return partition;
  }

  long offset() {
    return offset;
  }

  /** The change as the SSE stream sends it ({@link StateJson#change}), in UTF-8. */
  synchronized byte[] json() {
    if (json == null) {
      json = StateJson.change(this);
    }
    return json;
  }
}
