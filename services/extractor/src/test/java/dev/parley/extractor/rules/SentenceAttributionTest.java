package dev.parley.extractor.rules;

import static dev.parley.extractor.rules.Analysed.assertHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SentenceAttribution}: who a sentence with no holder in its clauses is attributed to. */
class SentenceAttributionTest {

  private static Holder attribution(Analysed t, String issueWord) {
    return new SentenceAttribution(t.a, t.documents(), new Interview(t.a))
        .of(t.sentenceOf(issueWord), t.issue(issueWord));
  }

  @Test
  void accordingToNamesTheHolder() {
    Analysed t = new Analysed("A ceasefire is out of the question, according to the Kremlin.");
    assertHolder(attribution(t, "ceasefire"), Holder.Kind.ATTRIBUTION, "russia");
  }

  @Test
  void aQuotationBelongsToItsSpeaker() {
    Analysed t = new Analysed("\u201cA ceasefire is out of the question,\u201d Peskov said.");
    assertEquals(List.of("russia"), attribution(t, "ceasefire").actors());
  }

  @Test
  void anUnattributedSentenceIsNobodys() {
    Analysed t = new Analysed("A ceasefire is out of the question.");
    assertNull(attribution(t, "ceasefire"));
  }
}
