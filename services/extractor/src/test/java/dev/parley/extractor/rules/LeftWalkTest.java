package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LeftWalk}: the cues between an issue mention and the party that governs them. */
class LeftWalkTest {

  @Test
  void theSubjectGovernsTheCueBeforeTheMention() {
    LeftWalk walk = new Analysed("The Kremlin rejected a ceasefire.").walkFrom("ceasefire");
    assertEquals(1, walk.chain.size());
    assertEquals(-1, walk.chain.get(0).sign());
    assertEquals(List.of("russia"), walk.holder.actors());
    assertFalse(walk.crossedClause);
  }

  @Test
  void cuesChainFromTheMentionOutwards() {
    Analysed t = new Analysed("Kyiv refused to accept a ceasefire.");
    LeftWalk walk = t.walkFrom("ceasefire");
    assertEquals(
        List.of("accept", "refused"),
        walk.chain.stream().map(h -> t.a.lower(h.word().from())).toList());
    assertEquals(List.of("ukraine"), walk.holder.actors());
    assertEquals(-1, Integer.signum(CuePolarity.combine(walk.chain, 1, false).value()));
  }
}
