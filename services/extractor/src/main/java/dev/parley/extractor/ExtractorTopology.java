package dev.parley.extractor;

import dev.parley.avro.Article;
import dev.parley.avro.ArticlePositions;
import dev.parley.avro.Evidence;
import dev.parley.avro.Position;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

/**
 * Articles in, the positions of each article out, keyed by article id. Stateless: re-extracting an
 * article (after an ontology or extractor change) emits a record that replaces the earlier one
 * downstream, and a deleted article (tombstone) deletes its positions.
 */
public final class ExtractorTopology {

  private ExtractorTopology() {}

  public static Topology buildTopology(SchemaRegistryClient registry, PositionExtractor extractor, Ontology ontology) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.ARTICLES.name(), Topics.ARTICLES.consumed(registry))
        .mapValues(article -> article == null ? null : positionsOf(article, extractor, ontology), Named.as("extract-positions"))
        .to(Topics.POSITIONS.name(), Topics.POSITIONS.produced(registry));
    return builder.build();
  }

  static ArticlePositions positionsOf(Article article, PositionExtractor extractor, Ontology ontology) {
    List<Position> positions = extractor.extract(article.getHeadline(), article.getBody()).stream()
        .map(p -> toPosition(p, ontology.confirms(p)))
        .toList();
    return ArticlePositions.newBuilder()
        .setArticleId(article.getId())
        .setSource(article.getSource())
        .setUrl(article.getUrl())
        .setHeadline(article.getHeadline())
        .setPublishedAt(article.getPublishedAt())
        .setContentHash(article.getContentHash())
        .setFingerprint(article.getFingerprint())
        .setNegotiation(ontology.negotiation())
        .setOntologyVersion(ontology.version())
        .setExtractorVersion(PositionExtractor.VERSION)
        .setPositions(positions)
        .build();
  }

  private static Position toPosition(ExtractedPosition p, boolean confirmed) {
    return Position.newBuilder()
        .setActor(p.actor())
        .setIssue(p.issue())
        .setStance(p.stance())
        .setConfidence(p.confidence())
        .setConfirmed(confirmed)
        .setEvidence(new Evidence(p.sentence(), p.start(), p.end()))
        .setCue(p.cue() == null ? "" : p.cue())
        .setSpeaker(p.speaker() == null ? "" : p.speaker())
        .build();
  }
}
