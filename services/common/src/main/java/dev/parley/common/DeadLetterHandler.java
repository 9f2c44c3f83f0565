package dev.parley.common;

import dev.parley.registry.SchemaRegistryException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KIP-1034 dead letters for every Parley Streams app: an input record that cannot be read, whose
 * processing throws, or whose output cannot be serialized or written goes to {@code
 * errors.dead.letter.queue.topic.name} ({@link Topics#DEAD_LETTERS}) in the same transaction as the
 * app's other output, and the app goes on with the next record instead of stopping on it for good.
 * Three cases still stop the app, since the record is not at fault and dead-lettering would drop
 * every record until the cause is fixed: a transient broker error is retried; a schema registry
 * that cannot be reached or refuses the service (credentials, compatibility) stops it; and a
 * changelog write that fails stops it, because a store whose changelog missed a write would restore
 * to a different state.
 */
public final class DeadLetterHandler
    implements ProcessingExceptionHandler,
        ProductionExceptionHandler,
        DeserializationExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

  /** Below Kafka's default 1 MiB request limit with room for the headers. */
  static final int MAX_COPIED_BYTES = 900 * 1024;

  private static final int MAX_REASON_CHARS = 2000;

  private String topic;
  private String app;

  @Override
  public void configure(Map<String, ?> configs) {
    topic = String.valueOf(configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG));
    app = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (isRegistryFailure(exception)) {
      return ProcessingExceptionHandler.Response.fail();
    }
    return ProcessingExceptionHandler.Response.resume(deadLetter(context, "processing", exception));
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (isRegistryFailure(exception)) {
      return DeserializationExceptionHandler.Response.fail();
    }
    return DeserializationExceptionHandler.Response.resume(
        deadLetter(context, record.key(), record.value(), "deserialization", exception));
  }

  @Override
  public ProductionExceptionHandler.Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      return ProductionExceptionHandler.Response.retry();
    }
    if (isRegistryFailure(exception)) {
      return ProductionExceptionHandler.Response.fail();
    }
    if (isChangelog(record.topic())) {
      LOG.error(
          "The {} could not write its store's changelog {} ({}); it stops so that the store and its changelog stay equal. "
              + "Fix the cause (see the exception) and restart it",
          app,
          record.topic(),
          exception.toString());
      return ProductionExceptionHandler.Response.fail();
    }
    return ProductionExceptionHandler.Response.resume(deadLetter(context, "production", exception));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ProductionExceptionHandler.Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    if (isRegistryFailure(exception)) {
      return ProductionExceptionHandler.Response.fail();
    }
    return ProductionExceptionHandler.Response.resume(
        deadLetter(context, "serialization", exception));
  }

  private List<ProducerRecord<byte[], byte[]>> deadLetter(
      ErrorHandlerContext context, String stage, Exception exception) {
    return deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), stage, exception);
  }

  private List<ProducerRecord<byte[], byte[]>> deadLetter(
      ErrorHandlerContext context, byte[] key, byte[] value, String stage, Exception exception) {
    boolean tooLarge = length(key) + length(value) > MAX_COPIED_BYTES;
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(topic, null, tooLarge ? null : key, tooLarge ? null : value);
    DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.APP, app);
    DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.STAGE, stage);
    DeadLetterHeaders.add(
        letter.headers(), DeadLetterHeaders.EXCEPTION, exception.getClass().getName());
    DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.REASON, reason(exception));
    DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.TOPIC, context.topic());
    DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.PARTITION, context.partition());
    DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.OFFSET, context.offset());
    DeadLetterHeaders.add(letter.headers(), DeadLetterHeaders.PROCESSOR, context.processorNodeId());
    if (tooLarge) {
      DeadLetterHeaders.add(
          letter.headers(), DeadLetterHeaders.VALUE_OMITTED, length(key) + length(value));
    }
    LOG.warn(
        "The {} sent the record at {}-{}@{} to {} and goes on ({} failed: {}). `parley tail {}` shows it",
        app,
        context.topic(),
        context.partition(),
        context.offset(),
        topic,
        stage,
        exception.toString(),
        topic);
    return List.of(letter);
  }

  private static String reason(Exception exception) {
    String message =
        exception.getMessage() == null
            ? exception.getClass().getSimpleName()
            : exception.getMessage();
    if (exception.getCause() != null && exception.getCause().getMessage() != null) {
      message +=
          " (caused by "
              + exception.getCause().getClass().getSimpleName()
              + ": "
              + exception.getCause().getMessage()
              + ")";
    }
    return TextBounds.clip(message, MAX_REASON_CHARS);
  }

  /**
   * The registry unreachable (code 0) or refusing the service (401, 403, 409, 5xx), as opposed to
   * not knowing a record's schema (404xx), which is the record's fault.
   */
  private boolean isRegistryFailure(Exception exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SchemaRegistryException registryError
          && registryError.errorCode() / 100 != 404) {
        LOG.error(
            "The {} stops: the schema registry failed ({}). No record is at fault, so none goes to {}; fix the registry "
                + "or the service's SCHEMA_REGISTRY_* settings and restart it, and it goes on where it stopped",
            app,
            registryError.getMessage(),
            topic);
        return true;
      }
    }
    return false;
  }

  private static boolean isChangelog(String topic) {
    return topic != null && topic.endsWith("-changelog");
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }
}
