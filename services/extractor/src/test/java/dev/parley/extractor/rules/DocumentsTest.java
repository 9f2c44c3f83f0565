package dev.parley.extractor.rules;

import static dev.parley.extractor.rules.Analysed.assertHolder;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@link Documents}: whose plan or draft a document noun is. */
class DocumentsTest {

  @Test
  void aPossessorOwnsTheDocument() {
    Analysed t = new Analysed("Kyiv's draft calls for a ceasefire.");
    assertHolder(t.documents().ownerAt(t.at("draft")), Holder.Kind.DOCUMENT, "ukraine");
  }

  @Test
  void theDraftRefersToTheDocumentNamedLast() {
    Analysed t =
        new Analysed("Moscow's draft was sent on Monday. The draft also demands a ceasefire.");
    assertHolder(t.documents().ownerAt(t.at("draft", 2)), Holder.Kind.REFERRED_DOCUMENT, "russia");
  }

  @Test
  void aDraftNobodyNamedHasNoOwner() {
    Analysed t = new Analysed("A draft was sent on Monday.");
    assertNull(t.documents().ownerAt(t.at("draft")));
  }
}
