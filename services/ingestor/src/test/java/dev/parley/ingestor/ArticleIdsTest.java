package dev.parley.ingestor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void theSameUrlGivesTheSameIdWhateverTheTrackingOrScheme() {
    String id =
        ArticleIds.idFor("https://www.example.org/world/talks?utm_source=x#top", "x", "h", "b");
    assertEquals(id, ArticleIds.idFor("http://example.org/world/talks/", "y", "other", "text"));
    assertEquals(16, id.length());
  }

  @Test
  void withoutUrlTheTextDecides() {
    assertEquals(ArticleIds.idFor(null, "s", "h", "b"), ArticleIds.idFor(null, "s", "h", "b"));
    assertNotEquals(ArticleIds.idFor(null, "s", "h", "b"), ArticleIds.idFor(null, "s", "h", "b2"));
    assertNotEquals(
        ArticleIds.idFor("https://example.org/a?id=1", "s", "h", "b"),
        ArticleIds.idFor("https://example.org/a?id=2", "s", "h", "b"));
  }
}
