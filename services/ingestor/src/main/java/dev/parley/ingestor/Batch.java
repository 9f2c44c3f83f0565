package dev.parley.ingestor;

import java.util.List;
import java.util.function.Function;

/**
 * The work done for each article of a batch (cleaning, fingerprinting, encoding), spread over the
 * cores: a batch of 500 articles is a few hundred milliseconds of one core's work, which the sender
 * waits for before its acknowledgement.
 */
final class Batch {

  private Batch() {}

  /** {@code each} applied to every item, in the items' order. */
  static <T, R> List<R> map(List<T> items, Function<T, R> each) {
    return (items.size() > 1 ? items.parallelStream() : items.stream()).map(each).toList();
  }
}
