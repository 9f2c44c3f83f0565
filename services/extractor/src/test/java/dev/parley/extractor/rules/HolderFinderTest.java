package dev.parley.extractor.rules;

import static dev.parley.extractor.rules.Analysed.assertHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HolderFinder}: the party that governs a cue. */
class HolderFinderTest {

  @Test
  void theSubjectBeforeTheCueHoldsIt() {
    Analysed t = new Analysed("The Kremlin rejected the peace plan.");
    assertHolder(
        t.holders().subjectBefore(t.cue("rejected"), t.sentenceOf("rejected")),
        Holder.Kind.EXPLICIT,
        "russia");
  }

  @Test
  void theAgentAfterAPassiveCueHoldsIt() {
    Analysed t = new Analysed("The peace plan was rejected by Kyiv.");
    Holder holder = t.holders().agentAfter(t.cue("rejected"), t.sentenceOf("rejected"));
    assertEquals(List.of("ukraine"), holder.actors());
  }

  @Test
  void aCueWithNoPartyAroundItHasNoHolder() {
    Analysed t = new Analysed("The peace plan was rejected.");
    assertNull(t.holders().ownHolder(t.cue("rejected"), t.sentenceOf("rejected")));
  }
}
