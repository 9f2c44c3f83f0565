package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Interview}: in a Q&A the answers are the interviewee's, the questions nobody's. */
class InterviewTest {

  private static final String QA =
      """
      Zelensky spoke to us in Kyiv on Monday.
      What do you make of the peace plan?
      We cannot accept it as it stands.
      And a ceasefire?
      We want a ceasefire first.""";

  @Test
  void answersAreTheIntervieweesAndQuestionsNobodys() {
    Analysed t = new Analysed("An interview", QA);
    Interview interview = new Interview(t.a);
    assertEquals(List.of("ukraine"), interview.speakerOf(t.sentenceOf("cannot")).actors());
    assertTrue(interview.isUnquotedQuestion(t.sentenceOf("what")));
    assertNull(interview.speakerOf(t.sentenceOf("what")));
  }

  @Test
  void oneQuestionMakesNoInterview() {
    Analysed t =
        new Analysed(
            "An interview",
            "Zelensky spoke on Monday.\nWhat now?\nWe cannot accept the peace plan.");
    assertNull(new Interview(t.a).speakerOf(t.sentenceOf("cannot")));
  }
}
