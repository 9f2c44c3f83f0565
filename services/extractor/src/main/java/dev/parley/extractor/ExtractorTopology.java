package dev.parley.extractor;

import dev.parley.avro.Article;
import dev.parley.avro.ArticlePositions;
import dev.parley.avro.Evidence;
import dev.parley.avro.Position;
import dev.parley.common.TextBounds;
import dev.parley.common.Topics;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.rules.ExtractedPosition;
import dev.parley.registry.SchemaRegistryClient;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Articles in, the positions of each article out, keyed by article id. Stateless: re-extracting an
 * article (after an ontology or extractor change) emits a record that replaces the earlier one
 * downstream, and a deleted article (tombstone) deletes its positions. The output is bounded
 * whatever the article: at most {@link #MAX_POSITIONS_PER_ARTICLE} positions (the most confident,
 * the others counted in droppedPositions), headline and evidence sentences clipped ({@link
 * TextBounds}); a page of 15,000 position paragraphs would otherwise make a record over Kafka's 1
 * MB limit.
 */
public final class ExtractorTopology {

  /** Real articles state a few dozen positions at most. */
  public static final int MAX_POSITIONS_PER_ARTICLE = 200;

  private static final Logger LOG = LoggerFactory.getLogger(ExtractorTopology.class);
  private static final Comparator<ExtractedPosition> MOST_CONFIDENT_FIRST =
      Comparator.comparingDouble(ExtractedPosition::confidence).reversed();

  private ExtractorTopology() {}

  public static Topology buildTopology(
      SchemaRegistryClient registry, PositionExtractor extractor, Ontology ontology) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.ARTICLES.name(), Topics.ARTICLES.consumed(registry))
        .mapValues(
            article -> article == null ? null : positionsOf(article, extractor, ontology),
            Named.as("extract-positions"))
        .to(Topics.POSITIONS.name(), Topics.POSITIONS.produced(registry));
    return builder.build();
  }

  static ArticlePositions positionsOf(
      Article article, PositionExtractor extractor, Ontology ontology) {
    List<ExtractedPosition> found = extractor.extract(article.getHeadline(), article.getBody());
    List<Position> positions =
        mostConfident(found).stream()
            .map(p -> toPosition(p, ontology.confirms(p.confidence())))
            .toList();
    int dropped = found.size() - positions.size();
    if (dropped > 0) {
      LOG.warn(
          "Article {} states {} positions; kept the {} most confident, dropped {}",
          article.getId(),
          found.size(),
          positions.size(),
          dropped);
    }
    return ArticlePositions.newBuilder()
        .setArticleId(article.getId())
        .setArticleRevision(article.getRevision())
        .setDroppedPositions(dropped)
        .setSource(article.getSource())
        .setUrl(article.getUrl())
        .setHeadline(TextBounds.clip(article.getHeadline(), TextBounds.MAX_HEADLINE_CHARS))
        .setPublishedAt(article.getPublishedAt())
        .setPublishedAtEstimated(article.getPublishedAtEstimated())
        .setContentHash(article.getContentHash())
        .setFingerprint(article.getFingerprint())
        .setNegotiation(ontology.negotiation())
        .setOntologyVersion(ontology.version())
        .setExtractorVersion(PositionExtractor.VERSION)
        .setPositions(positions)
        .build();
  }

  /** The most confident positions up to the cap, in the order the article states them. */
  private static List<ExtractedPosition> mostConfident(List<ExtractedPosition> found) {
    if (found.size() <= MAX_POSITIONS_PER_ARTICLE) {
      return found;
    }
    Set<ExtractedPosition> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    found.stream().sorted(MOST_CONFIDENT_FIRST).limit(MAX_POSITIONS_PER_ARTICLE).forEach(kept::add);
    return found.stream().filter(kept::contains).toList();
  }

  private static Position toPosition(ExtractedPosition p, boolean confirmed) {
    return Position.newBuilder()
        .setActor(p.actor())
        .setIssue(p.issue())
        .setStance(p.stance())
        .setConfidence(p.confidence())
        .setConfirmed(confirmed)
        .setEvidence(
            new Evidence(
                TextBounds.clip(p.sentence(), TextBounds.MAX_SENTENCE_CHARS), p.start(), p.end()))
        .setCue(p.cue() == null ? "" : p.cue())
        .setSpeaker(p.speaker() == null ? "" : p.speaker())
        .build();
  }
}
