package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instance id kept in the state folder: the same across restarts, another for another folder.
 */
class StaticMembershipTest {

  @TempDir Path state;

  @Test
  void anInstanceKeepsItsIdAcrossRestartsAndAnotherFolderGetsAnother() {
    String first = StaticMembership.keptIn(state.resolve("extractor"));
    assertEquals(
        first,
        StaticMembership.keptIn(state.resolve("extractor")),
        "a restart on the same state joins as the same member");
    assertNotEquals(first, StaticMembership.keptIn(state.resolve("other-instance/extractor")));
  }

  @Test
  void aFolderThatCannotBeWrittenNamesTheWayOut() throws Exception {
    Path file = Files.writeString(state.resolve("not-a-folder"), "x");
    UncheckedIOException refused =
        assertThrows(
            UncheckedIOException.class, () -> StaticMembership.keptIn(file.resolve("extractor")));
    assertTrue(refused.getMessage().contains(ServiceConfig.INSTANCE_ID), refused.getMessage());
  }
}
