package dev.parley.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LogPositionTest {

  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);
  private static final TopicPartition P2 = new TopicPartition("t", 2);

  @Test
  void wordsNameTheEndsOfTheLog() {
    assertInstanceOf(LogPosition.Beginning.class, LogPosition.parse("beginning"));
    assertInstanceOf(LogPosition.Beginning.class, LogPosition.parse("Earliest"));
    assertInstanceOf(LogPosition.End.class, LogPosition.parse("end"));
    assertInstanceOf(LogPosition.End.class, LogPosition.parse("latest"));
  }

  @Test
  void timesAreIsoInstantsOffsetTimesLocalTimesInUtcDatesOrAgoFromNow() {
    Instant expected = Instant.parse("2025-12-01T10:00:00Z");
    assertEquals(new LogPosition.At(expected), LogPosition.parse("2025-12-01T10:00:00Z"));
    assertEquals(new LogPosition.At(expected), LogPosition.parse("2025-12-01T11:00:00+01:00"));
    assertEquals(new LogPosition.At(expected), LogPosition.parse("2025-12-01T10:00"));
    assertEquals(
        new LogPosition.At(Instant.parse("2025-12-01T00:00:00Z")), LogPosition.parse("2025-12-01"));
    Clock clock = Clock.fixed(expected, ZoneOffset.UTC);
    assertEquals(
        new LogPosition.At(Instant.parse("2025-12-01T08:00:00Z")),
        LogPosition.parse("now-2h", clock));
    assertEquals(
        new LogPosition.At(Instant.parse("2025-11-28T10:00:00Z")),
        LogPosition.parse("now-3d", clock));
    assertEquals(
        new LogPosition.At(Instant.parse("2025-12-01T09:45:00Z")),
        LogPosition.parse("now-15m", clock));
    assertEquals(new LogPosition.At(expected), LogPosition.parse("now", clock));
  }

  @Test
  void numbersAreOneOffsetForEveryPartitionOrPartitionOffsetPairs() {
    assertEquals(new LogPosition.Offset(1200), LogPosition.parse("1200"));
    assertEquals(
        new LogPosition.PartitionOffsets(Map.of(0, 1200L, 2, 980L)),
        LogPosition.parse("0:1200,2:980"));
    assertEquals("0:1200,2:980", LogPosition.parse("2:980,0:1200").argument());
  }

  @Test
  void anythingElseIsRefusedWithTheSyntax() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LogPosition.parse("yesterday"));
    assertTrue(
        e.getMessage().contains("now-2h") && e.getMessage().contains("0:1200"), e.getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> LogPosition.parse("0:1,0:2"))
            .getMessage()
            .contains("twice"));
    assertThrows(IllegalArgumentException.class, () -> LogPosition.parse("-5"));
    assertThrows(IllegalArgumentException.class, () -> LogPosition.parse("now-2w"));
  }

  @Test
  void offsetsStayWithinWhatEachPartitionHolds() {
    MockConsumer<byte[], byte[]> consumer =
        consumerWith(Map.of(P0, 100L, P1, 0L, P2, 0L), Map.of(P0, 500L, P1, 50L, P2, 0L));
    assertEquals(
        Map.of(P0, 100L, P1, 40L, P2, 0L),
        new LogPosition.Offset(40).resolve(consumer, List.of(P0, P1, P2)));
    assertEquals(
        Map.of(P0, 100L, P1, 0L, P2, 0L),
        new LogPosition.Beginning().resolve(consumer, List.of(P0, P1, P2)));
    assertEquals(
        Map.of(P0, 500L, P1, 50L, P2, 0L),
        new LogPosition.End().resolve(consumer, List.of(P0, P1, P2)));
  }

  @Test
  void partitionOffsetsSelectTheirPartitionsOnly() {
    MockConsumer<byte[], byte[]> consumer =
        consumerWith(Map.of(P0, 0L, P1, 0L, P2, 0L), Map.of(P0, 500L, P1, 50L, P2, 9L));
    assertEquals(
        Map.of(P1, 50L, P2, 3L),
        LogPosition.parse("1:70,2:3").resolve(consumer, List.of(P0, P1, P2)));
  }

  private static MockConsumer<byte[], byte[]> consumerWith(
      Map<TopicPartition, Long> beginnings, Map<TopicPartition, Long> ends) {
    MockConsumer<byte[], byte[]> consumer =
        new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    consumer.updateBeginningOffsets(beginnings);
    consumer.updateEndOffsets(ends);
    return consumer;
  }
}
