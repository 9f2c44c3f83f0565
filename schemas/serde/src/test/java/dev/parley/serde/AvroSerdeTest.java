package dev.parley.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.avro.Article;
import dev.parley.avro.ArticleRef;
import dev.parley.avro.ChangeKind;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionState;
import dev.parley.avro.Statement;
import dev.parley.registry.InMemorySchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaStore;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final SchemaRegistryClient registry = new InMemorySchemaRegistryClient(new SchemaStore());
  private final AvroSerde<Article> serde = AvroSerde.forValues(registry, Article.class);

  @Test
  void writesMagicByteSchemaIdAndAvroBinaryAndReadsItBack() {
    Article article = article();
    byte[] bytes = serde.serialize("parley.articles", article);
    int id = registry.latest("parley.articles-value").orElseThrow().id();
    assertEquals(0, bytes[0]);
    assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());
    assertEquals(article, serde.deserialize("parley.articles", bytes));
  }

  @Test
  void aRecordWrittenAfterALargeOneAndAFailedOneHasExactlyItsOwnBytes() throws Exception {
    Article small = article();
    byte[] alone = onAFreshThread(() -> serde.serialize("parley.articles", small));

    Article large = article();
    large.setBody("word ".repeat(100_000));
    assertEquals(
        large, serde.deserialize("parley.articles", serde.serialize("parley.articles", large)));
    Article broken = article();
    broken.setSource(null); // a required field: the writer fails halfway through the record
    assertThrows(SerializationException.class, () -> serde.serialize("parley.articles", broken));

    assertTrue(Arrays.equals(alone, serde.serialize("parley.articles", small)));
  }

  private static <T> T onAFreshThread(Callable<T> work) throws Exception {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task);
    thread.start();
    return task.get();
  }

  @Test
  void aSerdePerRecordAsTheIngestorMakesThemStillReads() {
    // each serde used to wrap Avro's global class validator once more, until checking a class
    // overflowed the stack
    for (int i = 0; i < 50_000; i++) {
      AvroSerde.forValues(registry, Article.class);
    }
    Article article = article();
    assertEquals(
        article, serde.deserialize("parley.articles", serde.serialize("parley.articles", article)));
  }

  @Test
  void readsRecordsWrittenWithAnOlderSchemaUsingTheReadersDefaults() throws Exception {
    Schema older =
        new Schema.Parser()
            .parse(
                """
        {"type":"record","name":"Article","namespace":"dev.parley.avro","fields":[
          {"name":"id","type":"string"},{"name":"headline","type":"string"},{"name":"body","type":"string"},
          {"name":"url","type":["null","string"],"default":null},{"name":"source","type":"string"},
          {"name":"publishedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"ingestedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
    int olderId = registry.register("parley.articles-value", older);
    GenericRecord record = new GenericData.Record(older);
    record.put("id", "x");
    record.put("headline", "Talks");
    record.put("body", "Body");
    record.put("source", "wire");
    record.put("publishedAt", 1000L);
    record.put("ingestedAt", 2000L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(WireFormat.header(olderId));
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(older).write(record, encoder);
    encoder.flush();

    Article read = serde.deserialize("parley.articles", out.toByteArray());
    assertEquals("Talks", read.getHeadline());
    assertEquals(
        "en", read.getLanguage(), "the field the older writer lacked takes the reader's default");
  }

  @Test
  void refusesBytesThatAreNotInTheWireFormat() {
    SerializationException error =
        assertThrows(
            SerializationException.class,
            () -> serde.deserialize("parley.articles", "{\"json\":true}".getBytes()));
    assertTrue(error.getMessage().contains("magic byte"), error.getMessage());
  }

  @Test
  void aStateWrittenAloneAndNestedInChangesHasTheBytesOfAFreshEncoding() {
    AvroSerde<PositionChange> changes = AvroSerde.forValues(registry, PositionChange.class);
    AvroSerde<PositionState> states = AvroSerde.forValues(registry, PositionState.class);
    AvroSerde<PositionChange> reusingChanges = changes.reusingEncodingsOf(PositionState.class);
    AvroSerde<PositionState> reusingStates = states.reusingEncodingsOf(PositionState.class);
    PositionState first = state(1, "Russia demands the region.");
    PositionState second = state(2, "Russia insists on the region.");

    for (PositionChange change : List.of(change(null, first), change(first, second))) {
      assertArrayEquals(
          changes.serialize(CHANGES, change), reusingChanges.serialize(CHANGES, change));
      assertArrayEquals(
          states.serialize(STATES, change.getAfter()),
          reusingStates.serialize(STATES, change.getAfter()));
    }
    PositionChange removed = change(second, null);
    assertEquals(
        removed, reusingChanges.deserialize(CHANGES, reusingChanges.serialize(CHANGES, removed)));
  }

  @Test
  void statementsSharedByStatesAreCopiedWithTheBytesOfAFreshEncoding() {
    AvroSerde<PositionChange> changes = AvroSerde.forValues(registry, PositionChange.class);
    AvroSerde<PositionChange> reusing =
        changes.reusingEncodingsOf(PositionState.class, Statement.class);
    PositionState first = state(1, "Russia demands the region.");
    Statement newer = state(2, "Russia insists on the region.").getEvidence().get(0);
    List<Statement> both = List.of(newer, first.getEvidence().get(0));
    PositionState second = PositionState.newBuilder(first).setEvidence(both).build();
    // the builder copies the list; the states must hold the same instance, as the aggregator's do
    second.setEvidence(both);
    PositionState third = PositionState.newBuilder(first).setStance(-1).build();
    third.setEvidence(both);

    for (PositionChange change :
        List.of(change(null, first), change(first, second), change(second, third))) {
      byte[] written = reusing.serialize(CHANGES, change);
      assertArrayEquals(changes.serialize(CHANGES, change), written);
      assertEquals(change, reusing.deserialize(CHANGES, written));
    }
  }

  @Test
  void aStateWrittenAgainAfterManyOthersIsEncodedAfresh() {
    AvroSerde<PositionState> states = AvroSerde.forValues(registry, PositionState.class);
    AvroSerde<PositionState> reusing = states.reusingEncodingsOf(PositionState.class);
    PositionState first = state(1, "Russia demands the region.");
    byte[] expected = reusing.serialize(STATES, first);
    for (int i = 0; i < ReusedEncodings.KEPT * 2; i++) {
      reusing.serialize(STATES, state(-1, "Statement " + i));
    }
    assertArrayEquals(expected, reusing.serialize(STATES, first));
    assertEquals(first, reusing.deserialize(STATES, expected));
  }

  private static final String CHANGES = "parley.position-changes";
  private static final String STATES = "parley.position-state";

  private static PositionState state(int stance, String sentence) {
    Instant at = Instant.ofEpochMilli(1_764_000_000_000L);
    return PositionState.newBuilder()
        .setNegotiation("ukraine")
        .setActor("russia")
        .setIssue("territory")
        .setStance(stance)
        .setConfidence(0.8)
        .setSince(at)
        .setFirstSeen(at)
        .setLastSeen(at)
        .setArticleCount(1)
        .setSourceCount(1)
        .setEvidence(
            List.of(
                Statement.newBuilder()
                    .setArticleId("a1")
                    .setSource("wire")
                    .setPublishedAt(at)
                    .setStance(stance)
                    .setSentence(sentence)
                    .build()))
        .build();
  }

  private static PositionChange change(PositionState before, PositionState after) {
    PositionState either = after != null ? after : before;
    return PositionChange.newBuilder()
        .setNegotiation(either.getNegotiation())
        .setActor(either.getActor())
        .setIssue(either.getIssue())
        .setKind(ChangeKind.UPDATED)
        .setBefore(before)
        .setAfter(after)
        .setCausedBy(
            ArticleRef.newBuilder()
                .setArticleId("a1")
                .setSource("wire")
                .setPublishedAt(either.getLastSeen())
                .build())
        .setDetectedAt(Instant.ofEpochMilli(1_764_000_002_000L))
        .build();
  }

  private static Article article() {
    return Article.newBuilder()
        .setId("0123456789abcdef")
        .setHeadline("Talks begin")
        .setBody("Body.")
        .setUrl("https://example.org/a")
        .setSource("example")
        .setPublishedAt(Instant.ofEpochMilli(1_764_000_000_000L))
        .setIngestedAt(Instant.ofEpochMilli(1_764_000_001_000L))
        .setContentHash("h")
        .build();
  }
}
