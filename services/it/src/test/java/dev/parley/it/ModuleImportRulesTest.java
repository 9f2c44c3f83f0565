package dev.parley.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import rules between modules (each module's README says what it may import), checked on the
 * compiled main classes of every module: services never import one another, the shared modules
 * import no service, and the cli uses of a service only its public entry points.
 */
class ModuleImportRulesTest {

  /**
   * The package of each service; the registry's client and rules live in dev.parley.registry
   * (serde, registry-rules), its server here.
   */
  private static final List<String> SERVICES =
      List.of(
          "dev.parley.ingestor",
          "dev.parley.extractor",
          "dev.parley.aggregator",
          "dev.parley.registry.server");

  private static final String CLI = "dev.parley.cli";

  /**
   * What the cli may use of the services: how to start each, and the extractor's offline API for
   * extract, eval and bench.
   */
  private static final Set<String> ENTRY_POINTS =
      Set.of(
          "dev.parley.ingestor.IngestorService",
          "dev.parley.ingestor.IngestorConfig",
          "dev.parley.ingestor.CleanArticle",
          "dev.parley.extractor.ExtractorService",
          "dev.parley.extractor.ExtractorConfig",
          "dev.parley.extractor.PositionExtractor",
          "dev.parley.extractor.ontology.Ontology",
          "dev.parley.extractor.rules.ExtractedPosition",
          "dev.parley.extractor.evaluation.Evaluation",
          "dev.parley.extractor.evaluation.ScorerLine",
          "dev.parley.aggregator.AggregatorService",
          "dev.parley.aggregator.AggregatorConfig",
          "dev.parley.registry.server.RegistryServer",
          "dev.parley.registry.server.RegistryConfig");

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley");
  }

  @Test
  void servicesNeverImportOneAnotherNorTheCli() {
    for (String service : SERVICES) {
      String[] others =
          SERVICES.stream()
              .filter(s -> !s.equals(service))
              .map(s -> s + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(service + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage(CLI + "..")
          .because("services talk through Kafka topics, never through each other's classes")
          .check(mainClasses);
    }
  }

  @Test
  void sharedModulesImportNoServiceNorTheCli() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.parley.common..", "dev.parley.serde..", "dev.parley.avro..", "dev.parley.registry")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage(CLI + "..")
        .because("every service depends on schemas and common, so they can depend on none")
        .check(mainClasses);
  }

  @Test
  void theCliUsesOnlyTheServicesPublicEntryPoints() {
    noClasses()
        .that()
        .resideInAPackage(CLI + "..")
        .should()
        .dependOnClassesThat(serviceInternals())
        .because(
            "a class the cli needs beyond a service's entry points belongs in common or in that service's API")
        .check(mainClasses);
  }

  /**
   * The extractor's packages are layers (docs/extraction.md, "Code layout"): text, then the
   * ontology, then the rules that decide a position, then the service; each uses only those below.
   * Scoring (module extractor-eval) uses the rules' output and is used by no layer, so the service
   * never ships it.
   */
  @Test
  void extractorLayersUseOnlyTheLayersBelow() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("service")
        .definedBy("dev.parley.extractor")
        .layer("rules")
        .definedBy("dev.parley.extractor.rules..")
        .layer("ontology")
        .definedBy("dev.parley.extractor.ontology..")
        .layer("text")
        .definedBy("dev.parley.extractor.text..")
        .layer("evaluation")
        .definedBy("dev.parley.extractor.evaluation..")
        .whereLayer("evaluation")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("service")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("rules")
        .mayOnlyBeAccessedByLayers("service", "evaluation")
        .whereLayer("ontology")
        .mayOnlyBeAccessedByLayers("rules", "service")
        .whereLayer("text")
        .mayOnlyBeAccessedByLayers("ontology", "rules", "service")
        .because("a layer that reached up would tie the text and ontology code to the rules")
        .check(mainClasses);
  }

  private static DescribedPredicate<JavaClass> serviceInternals() {
    return DescribedPredicate.describe(
        "are a service's classes other than its public entry points " + ENTRY_POINTS,
        c -> inService(c.getPackageName()) && !ENTRY_POINTS.contains(topLevelName(c)));
  }

  private static boolean inService(String packageName) {
    return SERVICES.stream()
        .anyMatch(s -> packageName.equals(s) || packageName.startsWith(s + "."));
  }

  private static String topLevelName(JavaClass c) {
    String name = c.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
