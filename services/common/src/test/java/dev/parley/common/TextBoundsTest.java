package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextBoundsTest {

  @Test
  void shortTextIsKeptAsItIs() {
    String text = "Moscow demands Donbas.";
    assertSame(text, TextBounds.clip(text, text.length()));
    assertNull(TextBounds.clip(null, 5));
  }

  @Test
  void longTextKeepsItsStartAndEndsWithAnEllipsisWithinTheLimit() {
    assertEquals("abcd…", TextBounds.clip("abcdefgh", 5));
  }

  @Test
  void noSurrogatePairIsCutInHalf() {
    String clipped = TextBounds.clip("abc\uD83D\uDE00def", 5);
    assertEquals("abc…", clipped);
  }
}
