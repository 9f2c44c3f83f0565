package dev.parley.common;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What a dead letter says about itself, in headers of UTF-8 text: which app failed, at which stage,
 * why, and the coordinates of the input record (topic, partition, offset) to find or replay it.
 */
public final class DeadLetterHeaders {

  public static final String APP = "parley.dlq.app";

  /** processing, serialization, production or deserialization. */
  public static final String STAGE = "parley.dlq.stage";

  public static final String EXCEPTION = "parley.dlq.exception";
  public static final String REASON = "parley.dlq.reason";
  public static final String TOPIC = "parley.dlq.topic";
  public static final String PARTITION = "parley.dlq.partition";
  public static final String OFFSET = "parley.dlq.offset";
  public static final String PROCESSOR = "parley.dlq.processor";

  /** Set when the input was too large to copy: its size in bytes; read it at its coordinates. */
  public static final String VALUE_OMITTED = "parley.dlq.value-omitted";

  static final List<String> ALL =
      List.of(APP, STAGE, EXCEPTION, REASON, TOPIC, PARTITION, OFFSET, PROCESSOR, VALUE_OMITTED);

  private DeadLetterHeaders() {}

  /**
   * The Parley headers of a record, by name without the {@code parley.dlq.} prefix, in a fixed
   * order; empty for others.
   */
  public static Map<String, String> read(Headers headers) {
    Map<String, String> read = new LinkedHashMap<>();
    for (String name : ALL) {
      Header header = headers.lastHeader(name);
      if (header != null && header.value() != null) {
        read.put(
            name.substring("parley.dlq.".length()),
            new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return read;
  }

  static void add(Headers headers, String name, Object value) {
    if (value != null) {
      headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
  }
}
