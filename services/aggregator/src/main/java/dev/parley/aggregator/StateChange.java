package dev.parley.aggregator;

import dev.parley.avro.PositionChange;

/** One record of the change topic and where it stands in it. */
record StateChange(String key, PositionChange change, int partition, long offset) {}
