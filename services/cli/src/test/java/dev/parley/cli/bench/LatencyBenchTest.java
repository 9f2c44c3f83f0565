package dev.parley.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyBenchTest {

  @Test
  void theCausingArticleIsReadPastTheStatesBeforeAndAfter() {
    String change =
        """
        {"key":"ukraine-peace/russia/territory","partition":1,"offset":7,
         "before":{"evidence":[{"articleId":"older","causedBy":{"articleId":"nested"}}],"history":[]},
         "after":null,"kind":"UPDATED",
         "causedBy":{"articleId":"a-42","source":"tass"},"retracted":false}
        """;
    assertEquals("a-42", LatencyBench.causingArticle(change));
  }

  @Test
  void anEventThatIsNoChangeSaysSo() {
    IllegalStateException noCause =
        assertThrows(
            IllegalStateException.class, () -> LatencyBench.causingArticle("{\"key\":\"k\"}"));
    assertTrue(noCause.getMessage().contains("without causedBy"), noCause.getMessage());
    IllegalStateException notJson =
        assertThrows(IllegalStateException.class, () -> LatencyBench.causingArticle("{oops"));
    assertTrue(notJson.getMessage().contains("not JSON"), notJson.getMessage());
  }
}
