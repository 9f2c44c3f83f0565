package dev.parley.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.avro.ArticleRef;
import dev.parley.avro.ChangeKind;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionState;
import dev.parley.avro.StanceChange;
import dev.parley.avro.Statement;
import dev.parley.avro.Trend;
import dev.parley.registry.InMemorySchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

  private final SchemaRegistryClient registry = new InMemorySchemaRegistryClient(new SchemaStore());

  @Test
  void aGeneratedRecordReadsAsTheSameJsonAsTheGenericRecordDecodedFromItsBytes() {
    AvroSerde<PositionChange> serde = AvroSerde.forValues(registry, PositionChange.class);
    PositionChange change = change();
    byte[] bytes = serde.serialize("parley.position-changes", change);

    JsonNode fromGenerated = AvroJson.of(change);
    JsonNode fromBytes =
        AvroJson.of(new GenericAvroDecoder(registry).decode("parley.position-changes", bytes));

    assertEquals(fromBytes, fromGenerated);
    assertEquals("2025-12-01T10:00:00Z", fromGenerated.path("after").path("since").asText());
    assertEquals("HARDENING", fromGenerated.path("after").path("trend").asText());
    assertEquals(
        "Moscow demands Donbas.",
        fromGenerated.path("after").path("evidence").path(0).path("sentence").asText());
    assertEquals(
        "https://example.com/a",
        fromGenerated.path("causedBy").path("url").asText(),
        "a union is written as its value");
    assertEquals(true, fromGenerated.path("before").isNull());
  }

  private static PositionChange change() {
    Instant t = Instant.parse("2025-12-01T10:00:00Z");
    PositionState state =
        PositionState.newBuilder()
            .setNegotiation("ukraine-peace")
            .setActor("russia")
            .setIssue("territory")
            .setStance(2)
            .setConfidence(0.9)
            .setSince(t)
            .setFirstSeen(t)
            .setLastSeen(t)
            .setArticleCount(1)
            .setSourceCount(1)
            .setIndependentSources(1)
            .setAgreeingArticles(1)
            .setDissentingArticles(0)
            .setTrend(Trend.HARDENING)
            .setDisputed(false)
            .setEvidence(
                List.of(
                    Statement.newBuilder()
                        .setArticleId("a")
                        .setSource("tass")
                        .setUrl(null)
                        .setHeadline("h")
                        .setPublishedAt(t)
                        .setStance(2)
                        .setConfidence(0.9)
                        .setSentence("Moscow demands Donbas.")
                        .setStory("a")
                        .build()))
            .setHistory(List.of(new StanceChange(t, 2, "a", "tass")))
            .build();
    return PositionChange.newBuilder()
        .setNegotiation("ukraine-peace")
        .setActor("russia")
        .setIssue("territory")
        .setKind(ChangeKind.APPEARED)
        .setBefore(null)
        .setAfter(state)
        .setCausedBy(
            ArticleRef.newBuilder()
                .setArticleId("a")
                .setSource("tass")
                .setUrl("https://example.com/a")
                .setHeadline("h")
                .setPublishedAt(t)
                .build())
        .setRetracted(false)
        .setDetectedAt(t.plusSeconds(1))
        .build();
  }
}
