package dev.parley.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.extractor.ontology.Ontology;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The extractor follows a different negotiation when given a different ontology file, with no code
 * change.
 */
class OtherNegotiationTest {

  private static final Ontology LABOUR = Ontology.loadResource("/ontology/labour-dispute.yaml");
  private static final PositionExtractor EXTRACTOR = new PositionExtractor(LABOUR);

  private static Set<String> signs(String headline, String body) {
    return EXTRACTOR.extract(headline, body).stream()
        .map(p -> p.actor() + " " + p.issue() + " " + (p.stance() > 0 ? "+" : "-"))
        .collect(Collectors.toSet());
  }

  @Test
  void ontologyIdentifiesItsNegotiation() {
    assertEquals("metro-transit-contract", LABOUR.negotiation());
    assertEquals("example-1", LABOUR.version());
    assertEquals(Set.of("union", "management", "city"), LABOUR.actors().keySet());
  }

  @Test
  void strikeThreatArticle() {
    Set<String> found =
        signs(
            "Transit strike looms",
            "The Transit Workers Union on Monday rejected a pay offer of 2 percent as an insult. "
                + "Ruiz said her members would walk out unless wages rise with inflation. "
                + "Metro Transit insists that any pay rise must be matched by productivity gains.");
    assertTrue(
        found.contains("union pay_rise -"), found::toString); // the offer is what they reject
    assertTrue(found.contains("management pay_rise +"), found::toString);
  }

  @Test
  void automationArticle() {
    Set<String> found =
        signs(
            "Driverless plan divides depot",
            "Management wants to automate two lines by 2028, a plan the union has vowed to fight. "
                + "“We will never accept driverless trains on this network,” union president Dana Ruiz told a rally. "
                + "Mayor Alvarez said the city council was open to automation if no jobs are cut.");
    assertTrue(found.contains("management automation +"), found::toString);
    assertTrue(found.contains("union automation -"), found::toString);
    assertTrue(found.contains("city automation +"), found::toString);
  }

  @Test
  void jobSecurityArticle() {
    Set<String> found =
        signs(
            "Talks resume",
            "The employer has tabled a three-year job guarantee for depot staff. "
                + "Union leaders welcomed the job guarantee but rejected plans to cut 300 posts in ticketing.");
    assertEquals(Set.of("management job_cuts -", "union job_cuts -"), found);
  }

  @Test
  void sameTextMeansNothingToTheOtherOntology() {
    assertTrue(
        new PositionExtractor(Ontology.loadDefault())
            .extract("Talks resume", "Union leaders rejected plans to cut 300 posts.")
            .isEmpty());
    assertTrue(
        EXTRACTOR.extract("", "The Kremlin rejected any territorial concessions.").isEmpty());
  }
}
