package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.registry.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

  private static final byte[] KEY = "a1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALUE = "the article".getBytes(StandardCharsets.UTF_8);

  private final DeadLetterHandler handler = new DeadLetterHandler();

  DeadLetterHandlerTest() {
    handler.configure(
        Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            "parley.dlq",
            StreamsConfig.APPLICATION_ID_CONFIG,
            "parley-extractor"));
  }

  @Test
  void aFailedInputIsKeptAsReadWithWhyAndWhereFromAndTheAppGoesOn() {
    ProcessingExceptionHandler.Response response =
        failedProcessing(VALUE, new IllegalStateException("no clause found"));

    assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
    ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
    assertEquals("parley.dlq", letter.topic());
    assertArrayEquals(KEY, letter.key());
    assertArrayEquals(VALUE, letter.value());
    assertEquals(
        Map.of(
            "app",
            "parley-extractor",
            "stage",
            "processing",
            "exception",
            IllegalStateException.class.getName(),
            "reason",
            "no clause found",
            "topic",
            "parley.articles",
            "partition",
            "2",
            "offset",
            "41",
            "processor",
            "extract-positions"),
        DeadLetterHeaders.read(letter.headers()));
  }

  @Test
  void anInputTooLargeToCopyLeavesItsValueOutAndSaysHowLarge() {
    byte[] large = new byte[DeadLetterHandler.MAX_COPIED_BYTES + 1];
    ProducerRecord<byte[], byte[]> letter =
        failedProcessing(large, new IllegalStateException("boom")).deadLetterQueueRecords().get(0);
    assertNull(letter.value());
    assertEquals(
        String.valueOf(KEY.length + large.length),
        DeadLetterHeaders.read(letter.headers()).get("value-omitted"));
  }

  @Test
  void anUnknownSchemaIsTheRecordsFaultButAnUnreachableRegistryStopsTheApp() {
    DeserializationExceptionHandler.Response unknown =
        unreadable(new SchemaRegistryException("Schema 99 not found", 40403));
    assertEquals(DeserializationExceptionHandler.Result.RESUME, unknown.result());
    assertEquals(1, unknown.deadLetterQueueRecords().size());

    DeserializationExceptionHandler.Response unreachable =
        unreadable(new SchemaRegistryException("Connection refused", 0));
    assertEquals(DeserializationExceptionHandler.Result.FAIL, unreachable.result());
    assertTrue(unreachable.deadLetterQueueRecords().isEmpty());
  }

  /** The handler's answer to a failure while processing the input of {@code value}. */
  private ProcessingExceptionHandler.Response failedProcessing(byte[] value, Exception failure) {
    return handler.handleError(context(KEY, value), new Record<>("a1", "x", 0L), failure);
  }

  /** The handler's answer to an input whose value could not be read because of {@code cause}. */
  private DeserializationExceptionHandler.Response unreadable(SchemaRegistryException cause) {
    return handler.handleError(
        context(KEY, VALUE),
        new ConsumerRecord<>("parley.articles", 2, 41, KEY, VALUE),
        new RuntimeException("cannot read", cause));
  }

  @Test
  void aRegistryThatRefusesTheServiceStopsTheAppRatherThanDeadLetteringEveryRecord() {
    ProcessingExceptionHandler.Response response =
        failedProcessing(VALUE, new SchemaRegistryException("Unauthorized", 401));
    assertEquals(ProcessingExceptionHandler.Result.FAIL, response.result());
  }

  @Test
  void productionRetriesTransientErrorsStopsOnAChangelogAndDeadLettersTheRest() {
    ProducerRecord<byte[], byte[]> output = new ProducerRecord<>("parley.positions", KEY, VALUE);
    ProducerRecord<byte[], byte[]> changelog =
        new ProducerRecord<>("parley-aggregator-article-extractions-changelog", KEY, VALUE);

    assertEquals(
        ProductionExceptionHandler.Result.RETRY,
        handler
            .handleError(context(KEY, VALUE), output, new NotEnoughReplicasException("2 of 3"))
            .result());
    assertEquals(
        ProductionExceptionHandler.Result.FAIL,
        handler
            .handleError(context(KEY, VALUE), changelog, new TopicAuthorizationException("no"))
            .result());
    ProductionExceptionHandler.Response refused =
        handler.handleError(context(KEY, VALUE), output, new TopicAuthorizationException("no"));
    assertEquals(ProductionExceptionHandler.Result.RESUME, refused.result());
    assertEquals(
        "production",
        DeadLetterHeaders.read(refused.deadLetterQueueRecords().get(0).headers()).get("stage"));
  }

  private static ErrorHandlerContext context(byte[] key, byte[] value) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "parley.articles";
      }

      @Override
      public int partition() {
        return 2;
      }

      @Override
      public long offset() {
        return 41;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "extract-positions";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 2);
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return key;
      }

      @Override
      public byte[] sourceRawValue() {
        return value;
      }
    };
  }
}
