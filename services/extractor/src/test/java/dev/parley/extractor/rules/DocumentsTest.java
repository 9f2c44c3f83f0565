package dev.parley.extractor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Documents}: whose plan or draft a document noun is. */
class DocumentsTest {

  @Test
  void aPossessorOwnsTheDocument() {
    Analysed t = new Analysed("Kyiv's draft calls for a ceasefire.");
    Holder owner = t.documents().ownerAt(t.at("draft"));
    assertEquals(List.of("ukraine"), owner.actors());
    assertEquals(Holder.Kind.DOCUMENT, owner.kind());
  }

  @Test
  void theDraftRefersToTheDocumentNamedLast() {
    Analysed t =
        new Analysed("Moscow's draft was sent on Monday. The draft also demands a ceasefire.");
    Holder owner = t.documents().ownerAt(t.at("draft", 2));
    assertEquals(List.of("russia"), owner.actors());
    assertEquals(Holder.Kind.REFERRED_DOCUMENT, owner.kind());
  }

  @Test
  void aDraftNobodyNamedHasNoOwner() {
    Analysed t = new Analysed("A draft was sent on Monday.");
    assertNull(t.documents().ownerAt(t.at("draft")));
  }
}
