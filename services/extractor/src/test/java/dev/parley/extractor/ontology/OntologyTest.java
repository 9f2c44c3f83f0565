package dev.parley.extractor.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.extractor.PositionExtractor;
import dev.parley.extractor.rules.ExtractedPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OntologyTest {

  @TempDir Path dir;

  private static final String MINIMAL =
      """
      negotiation: test-talks
      version: "1"
      actors:
        - id: north
          aliases: [North, Northland]
        - id: south
          aliases: [South]
      issues:
        - id: border
          phrases: [border deal, {text: closed border, polarity: -1}]
      """;

  @Test
  void defaultOntologyUsesTheScoringIds() {
    Ontology o = Ontology.loadDefault();
    assertEquals("ukraine-peace", o.negotiation());
    assertTrue(!o.version().isBlank());
    assertEquals(
        List.of("russia", "ukraine", "united_states", "europe"), List.copyOf(o.actors().keySet()));
    assertEquals(
        List.of(
            "territory",
            "nato",
            "army_cap",
            "security_guarantees",
            "peace_plan",
            "russian_culture",
            "frozen_assets",
            "sanctions_relief",
            "ceasefire",
            "elections",
            "nuclear_plant"),
        List.copyOf(o.issues().keySet()));
  }

  @Test
  void fromSettingFallsBackToTheDefault() throws IOException {
    assertEquals("ukraine-peace", Ontology.fromSetting(null).negotiation());
    assertEquals("ukraine-peace", Ontology.fromSetting("  ").negotiation());
    assertEquals("test-talks", Ontology.fromSetting(write(MINIMAL).toString()).negotiation());
  }

  @Test
  void loadedFileDrivesExtraction() throws IOException {
    PositionExtractor extractor = new PositionExtractor(Ontology.load(write(MINIMAL)));
    List<ExtractedPosition> found =
        extractor.extract("", "Northland firmly rejects a closed border.");
    assertEquals(1, found.size());
    assertEquals("north", found.get(0).actor());
    assertEquals(1, found.get(0).stance()); // rejecting the opposite proposition is mild support
  }

  @Test
  void malformedYamlNamesFileAndLine() throws IOException {
    Path file = write("negotiation: x\nversion: [unclosed\n");
    OntologyException e = assertThrows(OntologyException.class, () -> Ontology.load(file));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("line"),
        e.getMessage());
  }

  @Test
  void unknownFieldIsReported() throws IOException {
    OntologyException e =
        assertThrows(
            OntologyException.class, () -> Ontology.load(write(MINIMAL + "colour: red\n")));
    assertTrue(e.getMessage().contains("colour"), e.getMessage());
  }

  @Test
  void groupWithUnknownActorIdIsReported() throws IOException {
    String yaml = MINIMAL + "groups:\n  - aliases: [the neighbours]\n    actors: [north, west]\n";
    OntologyException e = assertThrows(OntologyException.class, () -> Ontology.load(write(yaml)));
    assertTrue(e.getMessage().contains("unknown actor id 'west'"), e.getMessage());
  }

  @Test
  void invalidValuesAreReported() throws IOException {
    assertMessage(MINIMAL.replace("polarity: -1", "polarity: 3"), "polarity must be 1 or -1");
    assertMessage(
        MINIMAL + "cues:\n  - {text: frown upon, stance: 0}\n",
        "stance must be one of 2, 1, -1, -2");
    assertMessage(
        MINIMAL.replace("aliases: [South]", "aliases: [North]"),
        "alias 'North' names both north and south");
    assertMessage(MINIMAL.replace("id: south", "id: north"), "actor id 'north' is declared twice");
    assertMessage(MINIMAL.replace("negotiation: test-talks\n", ""), "missing 'negotiation'");
    assertMessage(
        MINIMAL.replace("polarity: -1}", "polarity: -1, ownConcessionOf: [east]}"),
        "phrase 'closed border' refers to unknown actor id 'east'");
    assertMessage(MINIMAL.replace("border deal", "... border"), "may not start with");
    assertMessage(
        MINIMAL.replace(
            "aliases: [South]", "aliases: [South]\n    adjectives: [Northern, South Sea]"),
        "adjective 'South Sea' of south must be one word");
    assertMessage(
        MINIMAL
            .replace("aliases: [South]", "aliases: [South]\n    adjectives: [Border]")
            .replace(
                "aliases: [North, Northland]",
                "aliases: [North, Northland]\n    adjectives: [Border]"),
        "adjective 'Border' names both north and south");
    assertMessage(
        MINIMAL + "subjectNames: [South Sea]\n", "subjectNames entry 'South Sea' must be one word");
  }

  @Test
  void subjectNamesAreMatchedInLowerCase() throws IOException {
    Ontology o = Ontology.load(write(MINIMAL + "subjectNames: [Northland]\n"));
    assertTrue(o.namesSubject("northland"));
    assertFalse(o.namesSubject("north"));
  }

  @Test
  void adjectivesNameTheOwnerOfADocument() throws IOException {
    PositionExtractor extractor =
        new PositionExtractor(
            Ontology.load(
                write(
                    MINIMAL.replace(
                        "aliases: [South]", "aliases: [South]\n    adjectives: [Southern]"))));
    List<ExtractedPosition> found =
        extractor.extract("", "The Southern draft calls for a border deal.");
    assertEquals(List.of("south"), found.stream().map(ExtractedPosition::actor).toList());
  }

  @Test
  void missingFileIsReported() {
    Path missing = dir.resolve("nope.yaml");
    OntologyException e = assertThrows(OntologyException.class, () -> Ontology.load(missing));
    assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
  }

  @Test
  void englishLexiconIsSharedNotReloaded() {
    assertSame(
        Ontology.loadDefault().lexicon(),
        Ontology.loadResource("/ontology/labour-dispute.yaml").lexicon());
  }

  private void assertMessage(String yaml, String expected) throws IOException {
    Path file = write(yaml);
    OntologyException e = assertThrows(OntologyException.class, () -> Ontology.load(file));
    assertTrue(
        e.getMessage().contains(expected) && e.getMessage().contains(file.toString()),
        e.getMessage());
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "ontology", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
