package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PronounResolver}: the party a pronoun stands for. */
class PronounResolverTest {

  @Test
  void heIsTheLastPersonNamedInTheParagraph() {
    Analysed t = new Analysed("Putin spoke on Monday. He rejected the peace plan.");
    Holder he = t.pronouns().resolve(t.at("he"));
    assertEquals(List.of("russia"), he.actors());
    assertEquals(Holder.Kind.PRONOUN, he.kind());
  }

  @Test
  void aPronounWithNoPersonBeforeItIsNobody() {
    Analysed t = new Analysed("He rejected the peace plan.");
    assertNull(t.pronouns().resolve(t.at("he")));
  }

  @Test
  void aWordThatIsNoPronounResolvesToNothing() {
    Analysed t = new Analysed("Putin rejected the peace plan.");
    assertNull(t.pronouns().resolve(t.at("rejected")));
  }
}
