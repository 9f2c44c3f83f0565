package dev.parley.cli;

import static dev.parley.cli.SameState.assertSameState;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.aggregator.AggregatorTopology;
import dev.parley.avro.Article;
import dev.parley.avro.ArticlePositions;
import dev.parley.avro.PositionState;
import dev.parley.common.TestDrivers;
import dev.parley.common.Topics;
import dev.parley.extractor.ExtractorTopology;
import dev.parley.extractor.PositionExtractor;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.ingestor.CleanArticle;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state is a pure function of the articles and their latest extraction: the sample articles,
 * run through the real extractor and aggregator topologies in another order, each delivered twice,
 * and with one article extracted in between under a changed ontology, end in the same state, field
 * by field, as a plain run.
 */
class StateDeterminismTest {

  private static final String REGISTRY = "mock://state-determinism-test";

  @TempDir Path stateDir;

  private final List<TopologyTestDriver> drivers = new ArrayList<>();
  private SchemaRegistryClient registry;
  private Ontology original;
  private Ontology changed;
  private List<Article> samples;
  private Article affected;

  @BeforeEach
  void setUp() throws IOException {
    registry = SchemaRegistryClients.forUrl(REGISTRY);
    original = Ontology.loadDefault();
    changed = withoutKyivAndZelensky();
    samples = new ArrayList<>();
    List<Path> files = ArticleFiles.list(List.of(SampleArticles.folder()));
    for (int i = 0; i < files.size(); i++) {
      CleanArticle text = CleanArticle.fromPlainText(Files.readString(files.get(i)));
      samples.add(
          Article.newBuilder()
              .setId(files.get(i).getFileName().toString())
              .setHeadline(text.headline())
              .setBody(text.body())
              .setSource("outlet-" + i)
              .setPublishedAt(Instant.parse("2025-12-01T08:00:00Z").plusSeconds(3600L * i))
              .setIngestedAt(Instant.parse("2025-12-03T08:00:00Z"))
              .setFingerprint(List.of())
              .build());
    }
    PositionExtractor before = new PositionExtractor(original);
    PositionExtractor after = new PositionExtractor(changed);
    affected =
        samples.stream()
            .filter(
                a ->
                    !before
                        .extract(a.getHeadline(), a.getBody())
                        .equals(after.extract(a.getHeadline(), a.getBody())))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the changed ontology changes no sample's extraction"));
  }

  @AfterEach
  void tearDown() {
    drivers.forEach(TopologyTestDriver::close);
    SchemaRegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void reorderedDuplicatedAndReExtractedArticlesEndInTheSameState() {
    Pipeline first = new Pipeline("first");
    samples.forEach(article -> first.deliver(article, original));
    Map<String, PositionState> expected = first.state();
    assertTrue(expected.size() > 5, "the samples state several positions: " + expected.keySet());

    Pipeline second = new Pipeline("second");
    List<Article> reversed = new ArrayList<>(samples);
    Collections.reverse(reversed);
    for (Article article : reversed) {
      second.deliver(article, original);
      if (article == affected) {
        second.deliver(article, changed);
      }
    }
    Map<String, PositionState> underTheChange = second.state();
    assertNotEquals(
        expected,
        underTheChange,
        "the changed ontology really changes what the article contributes");
    Collections.shuffle(reversed, new java.util.Random(7));
    reversed.forEach(article -> second.deliver(article, original));

    assertSameState(expected, second.state());
  }

  @Test
  void theLatestExtractionOfAnArticleIsAllThatCounts() {
    Pipeline freshUnderTheChange = new Pipeline("fresh");
    samples.forEach(
        article -> freshUnderTheChange.deliver(article, article == affected ? changed : original));

    Pipeline reExtracting = new Pipeline("re-extracting");
    samples.forEach(article -> reExtracting.deliver(article, original));
    reExtracting.deliver(affected, changed);

    assertSameState(freshUnderTheChange.state(), reExtracting.state());
  }

  /** A rule change: Ukraine is no longer recognised by "Kyiv" or by its president's name. */
  private static Ontology withoutKyivAndZelensky() throws IOException {
    String yaml;
    try (InputStream in = Ontology.class.getResourceAsStream(Ontology.DEFAULT_RESOURCE)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String edited =
        yaml.replace("Ukraine, Kyiv, Kiev, ", "Ukraine, ")
            .replace("Zelensky, Zelenskyy, Zelenskiy, ", "")
            .replaceFirst("version: \"([^\"]*)\"", "version: \"$1-changed\"");
    assertNotEquals(yaml, edited, "the default ontology still names Kyiv and Zelensky");
    Path file = Files.createTempFile("changed-ontology", ".yaml");
    Files.writeString(file, edited);
    return Ontology.load(file);
  }

  /**
   * The extractor topology (once per ontology) feeding one aggregator topology, record by record.
   */
  private final class Pipeline {

    private final TestInputTopic<String, ArticlePositions> positions;
    private final TestOutputTopic<String, PositionState> states;
    private final Map<Ontology, Extraction> extractors = new java.util.HashMap<>();
    private final Map<String, PositionState> table = new TreeMap<>();
    private final String name;

    Pipeline(String name) {
      this.name = name;
      TopologyTestDriver aggregator =
          driver(AggregatorTopology.buildTopology(registry), "aggregator-" + name);
      positions = TestDrivers.input(aggregator, Topics.POSITIONS, registry);
      states = TestDrivers.output(aggregator, Topics.POSITION_STATE, registry);
    }

    void deliver(Article article, Ontology ontology) {
      Extraction extraction = extractors.computeIfAbsent(ontology, o -> new Extraction(o, name));
      extraction.articles.pipeInput(article.getId(), article, article.getPublishedAt());
      for (TestRecord<String, ArticlePositions> record : extraction.positions.readRecordsToList()) {
        positions.pipeInput(record);
      }
    }

    Map<String, PositionState> state() {
      for (TestRecord<String, PositionState> record : states.readRecordsToList()) {
        if (record.value() == null) {
          table.remove(record.key());
        } else {
          table.put(record.key(), record.value());
        }
      }
      return new TreeMap<>(table);
    }
  }

  private final class Extraction {

    final TestInputTopic<String, Article> articles;
    final TestOutputTopic<String, ArticlePositions> positions;

    Extraction(Ontology ontology, String pipeline) {
      TopologyTestDriver extractor =
          driver(
              ExtractorTopology.buildTopology(registry, new PositionExtractor(ontology), ontology),
              "extractor-" + pipeline + "-" + ontology.version());
      articles = TestDrivers.input(extractor, Topics.ARTICLES, registry);
      positions = TestDrivers.output(extractor, Topics.POSITIONS, registry);
    }
  }

  private TopologyTestDriver driver(org.apache.kafka.streams.Topology topology, String app) {
    TopologyTestDriver driver =
        new TopologyTestDriver(
            topology, TestDrivers.properties(app, stateDir.resolve(app), REGISTRY));
    drivers.add(driver);
    return driver;
  }
}
