package dev.parley.ingestor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.common.ServiceConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HtmlLimitsTest {

  private final ArticleCleaner cleaner =
      new ArticleCleaner(new HtmlLimits(200, Duration.ofSeconds(30)));

  @Test
  void nestingPastTheLimitIsRefusedNamingIt() {
    for (String deep :
        new String[] {
          "<div>".repeat(5000) + "text" + "</div>".repeat(5000),
          "<div>".repeat(100_000) + "text",
          "<span>".repeat(100_000) + "text"
        }) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> cleaner.clean(deep, true));
      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains(ServiceConfig.MAX_HTML_DEPTH), e.getMessage());
    }
  }

  @Test
  void nestingWithinTheLimitIsCleaned() {
    assertEquals(
        "Deep text.",
        cleaner.clean("<div>".repeat(150) + "<p>Deep text.</p>" + "</div>".repeat(150), true));
  }

  @Test
  void manyParagraphsAreOneLineEach() {
    String text = cleaner.clean("<p>Russia rejects the ceasefire.</p>".repeat(15_000), true);
    assertEquals(15_000, text.split("\n").length);
  }

  @Test
  void aPageThatTakesTooLongIsRefusedNamingTheLimit() {
    ArticleCleaner hurried = new ArticleCleaner(new HtmlLimits(200, Duration.ofNanos(1)));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> hurried.clean("<p>Russia rejects the ceasefire.</p>".repeat(15_000), true));
    assertTrue(e.getMessage().contains(ServiceConfig.HTML_TIME_LIMIT_MS), e.getMessage());
  }
}
