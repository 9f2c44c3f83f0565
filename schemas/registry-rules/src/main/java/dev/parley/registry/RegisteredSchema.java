package dev.parley.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject, as the registry lists it; a soft-deleted version is kept, marked
 * deleted.
 */
public record RegisteredSchema(
    String subject, int version, int id, Schema schema, boolean deleted) {

  public RegisteredSchema(String subject, int version, int id, Schema schema) {
    this(subject, version, id, schema, false);
  }

  public RegisteredSchema softDeleted() {
    return new RegisteredSchema(subject, version, id, schema, true);
  }
}
