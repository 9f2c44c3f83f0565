package dev.parley.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.common.ServiceConfig;
import dev.parley.registry.SchemaRegistryClients;
import java.io.PrintStream;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.MessageFormatter;

/**
 * Lets Kafka's own console consumer print Parley's records, one a line: the topic, the string key
 * ("null" on parley.rejected) and the Avro value decoded through the registry as JSON ("null" for a
 * tombstone), separated by tabs. Use with {@code --formatter
 * dev.parley.cli.ops.ParleyMessageFormatter --formatter-property schema.registry.url=URL}; without
 * the property it reads SCHEMA_REGISTRY_URL, like every Parley service.
 */
public final class ParleyMessageFormatter implements MessageFormatter {

  public static final String REGISTRY_URL = "schema.registry.url";

  private RecordJson json;

  @Override
  public void configure(Map<String, ?> configs) {
    Object url = configs.get(REGISTRY_URL);
    json =
        new RecordJson(
            SchemaRegistryClients.forUrl(
                url != null
                    ? url.toString()
                    : ServiceConfig.fromEnvironment().schemaRegistryUrl()));
  }

  @Override
  public void writeTo(ConsumerRecord<byte[], byte[]> record, PrintStream output) {
    JsonNode value = json.value(record);
    output.println(record.topic() + "\t" + RecordJson.key(record) + "\t" + value);
  }
}
