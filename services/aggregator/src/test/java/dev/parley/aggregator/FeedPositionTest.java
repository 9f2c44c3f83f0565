package dev.parley.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedPositionTest {

  @Test
  void anEventIdIsTheNextOffsetOfEveryPartition() {
    FeedPosition position = FeedPosition.start();
    position.advance(1, 7);
    position.advance(0, 14);
    assertEquals("15,8", position.eventId());
    assertEquals(position.eventId(), FeedPosition.parse(position.eventId()).eventId());
  }

  @Test
  void onlyLaterRecordsAreAhead() {
    FeedPosition position = FeedPosition.parse("15,8");
    assertFalse(position.isAhead(0, 14));
    assertTrue(position.isAhead(0, 15));
    assertTrue(position.isAhead(2, 0), "a partition the id does not know is read from its start");
  }

  @Test
  void neverMovesBack() {
    FeedPosition position = FeedPosition.parse("15");
    position.advance(0, 3);
    assertEquals("15", position.eventId());
  }

  @Test
  void aForeignIdIsRefusedWithTheReason() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FeedPosition.parse("0:15"));
    assertTrue(e.getMessage().contains("15,8,22"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FeedPosition.parse("-1,2"));
  }
}
