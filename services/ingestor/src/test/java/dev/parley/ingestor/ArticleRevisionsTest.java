package dev.parley.ingestor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ArticleRevisionsTest {

  @Test
  void revisionsAreTheAcceptanceTimeAndStrictlyIncreasingEvenWhenTheClockStandsStillOrGoesBack() {
    AtomicLong clock = new AtomicLong(1_000);
    ArticleRevisions revisions = new ArticleRevisions(clock::get);
    assertEquals(1_000, revisions.next());
    assertEquals(1_001, revisions.next());
    clock.set(900);
    assertEquals(1_002, revisions.next());
    clock.set(5_000);
    assertEquals(5_000, revisions.next());
  }
}
