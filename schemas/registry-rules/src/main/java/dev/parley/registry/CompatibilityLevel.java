package dev.parley.registry;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The compatibility rules of the Confluent Schema Registry, checked with Avro's own resolution
 * rules. BACKWARD (the default) means consumers using the new schema can read data written with the
 * previous one.
 */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /**
   * Whether {@code candidate} may follow {@code existing} (oldest first). Returns the reason it may
   * not, or null when it may.
   */
  public String incompatibility(Schema candidate, List<Schema> existing) {
    if (this == NONE || existing.isEmpty()) {
      return null;
    }
    List<Schema> checked =
        name().endsWith("TRANSITIVE") ? existing : List.of(existing.get(existing.size() - 1));
    for (Schema previous : checked) {
      if (name().startsWith("BACKWARD") || name().startsWith("FULL")) {
        String problem = problem(candidate, previous);
        if (problem != null) {
          return "new schema cannot read data written with an earlier one: " + problem;
        }
      }
      if (name().startsWith("FORWARD") || name().startsWith("FULL")) {
        String problem = problem(previous, candidate);
        if (problem != null) {
          return "an earlier schema cannot read data written with the new one: " + problem;
        }
      }
    }
    return null;
  }

  private static String problem(Schema reader, Schema writer) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return null;
    }
    return result.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
        .reduce((a, b) -> a + "; " + b)
        .orElse(result.getDescription());
  }
}
