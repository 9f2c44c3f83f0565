package dev.parley.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A registry inside the process, for TopologyTestDriver tests and `parley extract`: selected with
 * {@code SCHEMA_REGISTRY_URL=mock://NAME}, like Confluent's serdes do. Clients that name the same
 * scope share one store.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final SchemaStore store;

  public InMemorySchemaRegistryClient(SchemaStore store) {
    this.store = store;
  }

  @Override
  public int register(String subject, Schema schema) {
    return store.register(subject, schema).id();
  }

  @Override
  public Schema schemaById(int id) {
    return store
        .schemaById(id)
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    "Schema " + id + " not found.", SchemaStore.SCHEMA_NOT_FOUND));
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) {
    return store.latest(subject);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      store.planRegistration(subject, schema);
      return true;
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaStore.INCOMPATIBLE) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    store.setCompatibility(subject, level);
  }

  @Override
  public List<String> subjects() {
    return store.subjects();
  }
}
