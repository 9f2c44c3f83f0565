package dev.parley.aggregator;

import java.util.Arrays;

/**
 * Where a reader stands in the change topic: the next offset to read in every partition. Written as
 * the SSE event id ("15,8,22": partition 0, 1, 2), so a dashboard that reconnects with
 * Last-Event-ID resumes exactly after the last change it saw, on any aggregator instance.
 */
final class FeedPosition {

  private long[] next;

  private FeedPosition(long[] next) {
    this.next = next;
  }

  static FeedPosition start() {
    return new FeedPosition(new long[0]);
  }

  /** Reads an event id; throws IllegalArgumentException with the reason when it is not one. */
  static FeedPosition parse(String eventId) {
    try {
      long[] next = Arrays.stream(eventId.strip().split(",")).mapToLong(Long::parseLong).toArray();
      if (Arrays.stream(next).anyMatch(offset -> offset < 0)) {
        throw new IllegalArgumentException("negative offset");
      }
      return new FeedPosition(next);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + eventId + "' is not an event id of this stream (offsets such as 15,8,22)", e);
    }
  }

  FeedPosition copy() {
    return new FeedPosition(next.clone());
  }

  long next(int partition) {
    return partition < next.length ? next[partition] : 0;
  }

  /** True when the record at this offset comes after this position. */
  boolean isAhead(int partition, long offset) {
    return offset >= next(partition);
  }

  void advance(int partition, long offset) {
    if (partition >= next.length) {
      next = Arrays.copyOf(next, partition + 1);
    }
    next[partition] = Math.max(next[partition], offset + 1);
  }

  String eventId() {
    return String.join(",", Arrays.stream(next).mapToObj(Long::toString).toList());
  }
}
