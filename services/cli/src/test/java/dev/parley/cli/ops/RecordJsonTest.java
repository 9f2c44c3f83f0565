package dev.parley.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.Article;
import dev.parley.common.DeadLetterHeaders;
import dev.parley.common.Topics;
import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClients;
import dev.parley.serde.AvroJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What `parley tail` prints: values decoded through the registry, as plain JSON, in one line per
 * record.
 */
class RecordJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGISTRY = "mock://record-json-test";

  private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl(REGISTRY);

  @AfterEach
  void forgetSchemas() {
    SchemaRegistryClients.dropMockScope(REGISTRY);
  }

  @Test
  void anArticleIsDecodedWithTheSchemaItsIdNamesAndWrittenAsPlainJson() throws Exception {
    Article article =
        Article.newBuilder()
            .setId("a1")
            .setHeadline("Kremlin rejects plan")
            .setBody("The Kremlin rejected it.")
            .setUrl(null)
            .setSource("reuters")
            .setPublishedAt(Instant.parse("2025-12-01T10:00:00Z"))
            .setIngestedAt(Instant.parse("2025-12-01T10:00:05.250Z"))
            .setRevision(1_764_583_205_250L)
            .build();
    byte[] bytes = Topics.ARTICLES.valueSerde(registry).serialize(Topics.ARTICLES.name(), article);

    JsonNode value = new RecordJson(registry).value(record(bytes, new RecordHeaders()));

    assertEquals(
        JSON.readTree(
            """
        {"id": "a1", "headline": "Kremlin rejects plan", "body": "The Kremlin rejected it.", "url": null, "source": "reuters",
         "publishedAt": "2025-12-01T10:00:00Z", "ingestedAt": "2025-12-01T10:00:05.250Z", "language": "en", "contentHash": "", "feed": "",
         "publishedAtEstimated": false, "fingerprint": [], "revision": 1764583205250}"""),
        asParsed(value));
  }

  @Test
  void unionsEnumsArraysMapsBytesAndOddNumbersReadNaturally() throws Exception {
    Schema schema =
        new Schema.Parser()
            .parse(
                """
        {"type": "record", "name": "Sample", "fields": [
          {"name": "choice", "type": ["null", "string", "int"]},
          {"name": "mood", "type": {"type": "enum", "name": "Mood", "symbols": ["CALM", "TENSE"]}},
          {"name": "scores", "type": {"type": "array", "items": "double"}},
          {"name": "tags", "type": {"type": "map", "values": "long"}},
          {"name": "raw", "type": "bytes"},
          {"name": "day", "type": {"type": "int", "logicalType": "date"}},
          {"name": "micros", "type": {"type": "long", "logicalType": "timestamp-micros"}}]}""");
    GenericRecord record = new GenericData.Record(schema);
    record.put("choice", 7);
    record.put("mood", new GenericData.EnumSymbol(schema.getField("mood").schema(), "TENSE"));
    record.put("scores", List.of(0.5, Double.NaN));
    record.put("tags", Map.of("n", 3L));
    record.put("raw", ByteBuffer.wrap(new byte[] {1, 2, 3}));
    record.put("day", 20423);
    record.put("micros", 1_764_583_200_000_001L);

    assertEquals(
        JSON.readTree(
            """
        {"choice": 7, "mood": "TENSE", "scores": [0.5, "NaN"], "tags": {"n": 3}, "raw": "AQID", "day": "2025-12-01",
         "micros": "2025-12-01T10:00:00.000001Z"}"""),
        asParsed(AvroJson.of(record)));
  }

  @Test
  void aLineSaysWhereTheRecordIsItsKeyHeadersAndValue() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add("parley.replay.source", "parley.articles/2/17".getBytes(StandardCharsets.UTF_8));
    ConsumerRecord<byte[], byte[]> record = record(new byte[] {0, 0, 0, 0, 1}, headers);

    JsonNode line = RecordJson.line(record, JSON.readTree("{\"stance\": -2}"));

    assertEquals(
        JSON.readTree(
            """
        {"partition": 2, "offset": 41, "timestamp": "2025-12-01T10:00:00Z", "key": "ukraine-peace/russia/territory",
         "headers": {"parley.replay.source": "parley.articles/2/17"}, "value": {"stance": -2}}"""),
        asParsed(line));
  }

  @Test
  void aTombstoneSaysSo() throws Exception {
    ConsumerRecord<byte[], byte[]> tombstone = record(null, new RecordHeaders());
    assertEquals(null, new RecordJson(registry).value(tombstone));
    JsonNode line = RecordJson.line(tombstone, null);
    assertTrue(line.path("tombstone").asBoolean());
    assertTrue(line.path("value").isNull());
    assertFalse(line.has("headers"));
  }

  @Test
  void aValueThatIsNotInTheWireFormatIsReportedWithItsCoordinates() {
    RecordJson.UnreadableRecordException e =
        unreadable("{\"json\": true}".getBytes(StandardCharsets.UTF_8));
    assertTrue(
        e.getMessage().startsWith("parley.position-state partition 2 offset 41: "), e.getMessage());
    assertTrue(e.getMessage().contains("magic byte"), e.getMessage());
  }

  @Test
  void aSchemaIdTheRegistryDoesNotKnowIsReportedWithItsCoordinates() {
    RecordJson.UnreadableRecordException e = unreadable(new byte[] {0, 0, 0, 0, 99, 2});
    assertTrue(
        e.getMessage().startsWith("parley.position-state partition 2 offset 41: "), e.getMessage());
  }

  /** As a reader of the printed line gets it: numbers compare by value, not by Java type. */
  @Test
  void aDeadLetterShowsWhyAndWhereFromAndItsValueEvenWhenItCannotBeRead() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.APP, "parley-extractor".getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterHeaders.STAGE, "deserialization".getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterHeaders.TOPIC, "parley.articles".getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterHeaders.OFFSET, "17".getBytes(StandardCharsets.UTF_8));
    ConsumerRecord<byte[], byte[]> letter =
        new ConsumerRecord<>(
            Topics.DEAD_LETTERS.name(),
            0,
            3,
            0L,
            TimestampType.CREATE_TIME,
            -1,
            -1,
            "bad".getBytes(StandardCharsets.UTF_8),
            "not avro".getBytes(StandardCharsets.UTF_8),
            headers,
            Optional.empty());

    JsonNode line = RecordJson.line(letter, new RecordJson(registry).value(letter));

    assertEquals("parley-extractor", line.path("deadLetter").path("app").asText());
    assertEquals("deserialization", line.path("deadLetter").path("stage").asText());
    assertEquals("parley.articles", line.path("deadLetter").path("topic").asText());
    assertEquals("17", line.path("deadLetter").path("offset").asText());
    assertEquals(8, line.path("value").path("bytes").asInt());
    assertFalse(line.path("value").path("unreadable").asText().isBlank());
  }

  private static JsonNode asParsed(JsonNode node) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(node));
  }

  private RecordJson.UnreadableRecordException unreadable(byte[] value) {
    ConsumerRecord<byte[], byte[]> record = record(value, new RecordHeaders());
    return assertThrows(
        RecordJson.UnreadableRecordException.class, () -> new RecordJson(registry).value(record));
  }

  private static ConsumerRecord<byte[], byte[]> record(byte[] value, RecordHeaders headers) {
    return new ConsumerRecord<>(
        "parley.position-state",
        2,
        41,
        Instant.parse("2025-12-01T10:00:00Z").toEpochMilli(),
        TimestampType.CREATE_TIME,
        -1,
        -1,
        "ukraine-peace/russia/territory".getBytes(StandardCharsets.UTF_8),
        value,
        headers,
        Optional.empty());
  }
}
