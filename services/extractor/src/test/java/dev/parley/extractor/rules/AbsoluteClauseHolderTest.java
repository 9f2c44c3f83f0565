package dev.parley.extractor.rules;

import static dev.parley.extractor.Extraction.signs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ClauseRoles#isObject}: "with X opposing ..." makes X the participle's subject, not an
 * object of "with".
 */
class AbsoluteClauseHolderTest {

  @Test
  void thePartyAfterWithHoldsTheParticipleCue() {
    Set<String> found =
        signs(
            "Talks stalled, with Zelensky repeatedly opposing any land concessions, Witkoff said.");
    assertTrue(found.contains("ukraine territory -"), found::toString);
    assertFalse(found.contains("united_states territory -"), found::toString);
    assertTrue(
        signs("With Moscow demanding neutrality for Ukraine, the summit ended early.")
            .contains("russia nato -"));
  }

  @Test
  void aPartyAfterWithWithoutAParticipleStaysAnObject() {
    assertFalse(
        signs("Witkoff met with Putin rejecting nothing, and backed a ceasefire.")
            .contains("russia ceasefire +"));
  }
}
