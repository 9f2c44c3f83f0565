package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link StatedActs}: stances stated by an act rather than by a cue. */
class StatedActsTest {

  private static StatedActs.Act actOn(Analysed t, String issueWord) {
    Mentions.Issue m = t.issue(issueWord);
    CuePolarity polarity = new CuePolarity(t.a);
    return new StatedActs(t.a, t.documents(), polarity)
        .of(
            m,
            t.sentenceOf(issueWord),
            t.walkFrom(issueWord),
            polarity.negatorBefore(m.from(), t.sentenceOf(issueWord)));
  }

  @Test
  void aPartyRefusingAnActOpposesIt() {
    StatedActs.Act act =
        actOn(new Analysed("Umerov said Kyiv will not surrender Luhansk."), "luhansk");
    assertEquals(List.of("ukraine"), act.holder().actors());
    assertEquals(-1, act.cue().sign());
  }

  @Test
  void aClaimAboutAnotherPartyIsNoActOfItsOwn() {
    assertNull(
        actOn(new Analysed("Putin said Ukraine would cede Donbas within months."), "donbas"));
  }

  @Test
  void aDocumentDoingTheIssueProposesIt() {
    StatedActs.Act act =
        actOn(
            new Analysed("The Russian blueprint limits the size of Ukraine's military."),
            "military");
    assertEquals(List.of("russia"), act.holder().actors());
    assertEquals(1, act.cue().sign());
  }
}
