package dev.parley.cli.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;

/**
 * A place in every partition of a topic, as an operator writes it: {@code beginning}, {@code end},
 * a time ({@code 2025-12-01T10:00:00Z}, {@code 2025-12-01}, {@code now-2h}), one offset for every
 * partition ({@code 1200}) or offsets of some partitions ({@code 0:1200,1:980}). A time becomes, in
 * each partition, the first offset whose record timestamp is at or after it (Kafka's time index, as
 * in Kafka's own reset tools).
 */
public sealed interface LogPosition {

  String SYNTAX =
      "beginning, end, an ISO time (2025-12-01T10:00:00Z, 2025-12-01; UTC unless it gives a zone), now-2h (s, m, h, d), "
          + "an offset for every partition (1200) or partition:offset pairs (0:1200,1:980)";

  /**
   * Offsets per partition, within what the log holds; partitions a {@link PartitionOffsets} does
   * not name are left out.
   */
  Map<TopicPartition, Long> resolve(Consumer<?, ?> consumer, Collection<TopicPartition> partitions);

  /** As the operator would write it again, e.g. in a command that resumes. */
  String argument();

  record Beginning() implements LogPosition {
    @Override
    public Map<TopicPartition, Long> resolve(
        Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
      return new HashMap<>(consumer.beginningOffsets(partitions));
    }

    @Override
    public String argument() {
      return "beginning";
    }
  }

  record End() implements LogPosition {
    @Override
    public Map<TopicPartition, Long> resolve(
        Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
      return new HashMap<>(consumer.endOffsets(partitions));
    }

    @Override
    public String argument() {
      return "end";
    }
  }

  record At(Instant time) implements LogPosition {
    @Override
    public Map<TopicPartition, Long> resolve(
        Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndTimestamp> found =
          consumer.offsetsForTimes(
              partitions.stream().collect(Collectors.toMap(p -> p, p -> time.toEpochMilli())));
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> offsets = new HashMap<>();
      // no record at or after the time: the partition's end
      partitions.forEach(
          p -> offsets.put(p, found.get(p) != null ? found.get(p).offset() : ends.get(p)));
      return offsets;
    }

    @Override
    public String argument() {
      return time.toString();
    }
  }

  record Offset(long offset) implements LogPosition {
    @Override
    public Map<TopicPartition, Long> resolve(
        Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      partitions.forEach(p -> offsets.put(p, offset));
      return clamp(consumer, offsets);
    }

    @Override
    public String argument() {
      return String.valueOf(offset);
    }
  }

  record PartitionOffsets(Map<Integer, Long> offsets) implements LogPosition {
    public PartitionOffsets {
      offsets = Map.copyOf(offsets);
    }

    @Override
    public Map<TopicPartition, Long> resolve(
        Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
      Map<TopicPartition, Long> named = new HashMap<>();
      for (TopicPartition p : partitions) {
        if (offsets.containsKey(p.partition())) {
          named.put(p, offsets.get(p.partition()));
        }
      }
      return clamp(consumer, named);
    }

    @Override
    public String argument() {
      return new TreeMap<>(offsets)
          .entrySet().stream()
              .map(e -> e.getKey() + ":" + e.getValue())
              .collect(Collectors.joining(","));
    }
  }

  static LogPosition parse(String text) {
    return parse(text, Clock.systemUTC());
  }

  static LogPosition parse(String text, Clock clock) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Matcher relative = Pattern.compile("now(?:-(\\d+)([smhd]))?").matcher(value);
    if (value.equals("beginning") || value.equals("earliest")) {
      return new Beginning();
    } else if (value.equals("end") || value.equals("latest")) {
      return new End();
    } else if (value.matches("\\d+")) {
      return new Offset(Long.parseLong(value));
    } else if (value.matches("\\d+:\\d+(,\\d+:\\d+)*")) {
      Map<Integer, Long> offsets = new HashMap<>();
      for (String pair : value.split(",")) {
        String[] parts = pair.split(":");
        if (offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1])) != null) {
          throw new IllegalArgumentException(
              "'" + text + "' names partition " + parts[0] + " twice; name each partition once.");
        }
      }
      return new PartitionOffsets(offsets);
    } else if (relative.matches()) {
      Duration ago =
          relative.group(1) == null
              ? Duration.ZERO
              : Duration.of(
                  Long.parseLong(relative.group(1)),
                  switch (relative.group(2)) {
                    case "s" -> ChronoUnit.SECONDS;
                    case "m" -> ChronoUnit.MINUTES;
                    case "h" -> ChronoUnit.HOURS;
                    default -> ChronoUnit.DAYS;
                  });
      return new At(clock.instant().minus(ago));
    }
    return new At(parseTime(text.trim()));
  }

  private static Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notWithZone) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException(
              "'" + text + "' is not a position: use " + SYNTAX + ".");
        }
      }
    }
  }

  private static Map<TopicPartition, Long> clamp(
      Consumer<?, ?> consumer, Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, Long> starts = consumer.beginningOffsets(offsets.keySet());
    Map<TopicPartition, Long> ends = consumer.endOffsets(offsets.keySet());
    Map<TopicPartition, Long> clamped = new HashMap<>();
    offsets.forEach((p, o) -> clamped.put(p, Math.max(starts.get(p), Math.min(ends.get(p), o))));
    return clamped;
  }

  /** Lets picocli report a bad position as a usage error that shows the syntax. */
  final class Converter implements CommandLine.ITypeConverter<LogPosition> {
    @Override
    public LogPosition convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
