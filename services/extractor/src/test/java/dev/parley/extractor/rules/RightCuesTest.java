package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RightCues}: cues after an issue mention that point back at it. */
class RightCuesTest {

  private static List<RightCues.RightCue> after(Analysed t, String issueWord) {
    HolderFinder holders = t.holders();
    return new RightCues(t.a, t.roles(), holders, new CuePolarity(t.a), new ListItems(t.a))
        .after(t.issue(issueWord), t.sentenceOf(issueWord));
  }

  @Test
  void anAgentAfterTheMentionHoldsTheCue() {
    List<RightCues.RightCue> found =
        after(new Analysed("The ceasefire was rejected by Kyiv."), "ceasefire");
    assertEquals(1, found.size());
    assertEquals(List.of("ukraine"), found.get(0).holder().actors());
    assertEquals(-1, found.get(0).hits().get(0).sign());
  }

  @Test
  void aCueThatGovernsAnotherPartysObjectIsNoneOfTheMentions() {
    assertTrue(
        after(
                new Analysed("Russia wants a ceasefire and Ukraine rejects the peace plan."),
                "ceasefire")
            .isEmpty());
  }
}
