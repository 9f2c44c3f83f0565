package dev.parley.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that Parley uses. Implemented over REST for any
 * compatible registry (Confluent, Karapace, Redpanda, Apicurio's ccompat API) and in memory for
 * tests; subjects follow the TopicNameStrategy, {@code <topic>-value} and {@code <topic>-key}.
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (or finds it, if already there) and returns its id. */
  int register(String subject, Schema schema);

  /** The schema with this global id. */
  Schema schemaById(int id);

  /** The newest version registered under the subject, if any. */
  Optional<RegisteredSchema> latest(String subject);

  /** Whether the subject's compatibility rule would accept this schema as its next version. */
  boolean isCompatible(String subject, Schema schema);

  /** Sets the compatibility rule of one subject. */
  void setCompatibility(String subject, CompatibilityLevel level);

  List<String> subjects();

  static String valueSubject(String topic) {
    return topic + "-value";
  }

  static String keySubject(String topic) {
    return topic + "-key";
  }
}
