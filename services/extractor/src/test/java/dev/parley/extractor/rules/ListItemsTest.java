package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link ListItems}: which cue opens a list item or a predicate of its own. */
class ListItemsTest {

  @Test
  void aCueAfterAndOpensItsOwnPredicate() {
    Analysed t = new Analysed("Kyiv rejected the peace plan and demanded a ceasefire.");
    ListItems lists = new ListItems(t.a);
    assertTrue(lists.opensPredicate(t.cue("demanded"), t.sentenceOf("demanded")));
    assertFalse(lists.opensPredicate(t.cue("rejected"), t.sentenceOf("rejected")));
  }

  @Test
  void aCueWithAClauseAfterItTakesNoObjectOfItsOwn() {
    Analysed own = new Analysed("Moscow rejected the accusations.");
    assertTrue(
        new ListItems(own.a).takesOwnObject(own.cue("rejected"), own.sentenceOf("rejected")));
    Analysed clause = new Analysed("Moscow demanded that Kyiv withdraw.");
    assertFalse(
        new ListItems(clause.a)
            .takesOwnObject(clause.cue("demanded"), clause.sentenceOf("demanded")));
  }

  @Test
  void anIssueRightAfterTheCueEndsWhereItsMentionEnds() {
    Analysed t = new Analysed("Kyiv demanded a ceasefire at once.");
    assertEquals(
        t.at("ceasefire") + 1,
        new ListItems(t.a).issueRightAfter(t.cue("demanded"), t.sentenceOf("demanded")));
  }
}
