package dev.parley.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * Subjects, versions, global ids and compatibility rules, held in memory. The in-memory client and
 * Parley's own registry server (which persists each change to a Kafka topic first) both keep their
 * schemas here, so the registration and compatibility rules exist once.
 */
public final class SchemaStore {

  /** Confluent's error codes, so any client of that API understands our answers. */
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE = 409;
  public static final int INVALID_SCHEMA = 42201;

  private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectCompatibility = new HashMap<>();
  private CompatibilityLevel globalCompatibility = CompatibilityLevel.BACKWARD;

  /**
   * What registering the schema under the subject would record, without recording it: the
   * existing version if the subject has the schema already, else the next version. Throws with
   * code 409 when the subject's compatibility rule refuses the schema.
   */
  public synchronized RegisteredSchema planRegistration(String subject, Schema schema) {
    Optional<RegisteredSchema> existing = find(subject, schema);
    if (existing.isPresent()) {
      return existing.get();
    }
    List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
    String problem = compatibility(subject).incompatibility(schema, versions.stream().map(RegisteredSchema::schema).toList());
    if (problem != null) {
      throw new SchemaRegistryException(
          "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\" under "
              + compatibility(subject) + " compatibility: " + problem
              + ". Add a default to new fields, or register it under a new subject.",
          INCOMPATIBLE);
    }
    int id = idsBySchemaText.getOrDefault(schema.toString(), nextId());
    int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
    return new RegisteredSchema(subject, version, id, schema);
  }

  /** Records a registration (planned here, or replayed from the registry's log). */
  public synchronized void apply(RegisteredSchema registered) {
    List<RegisteredSchema> versions = subjects.computeIfAbsent(registered.subject(), s -> new ArrayList<>());
    if (versions.stream().noneMatch(v -> v.version() == registered.version())) {
      versions.add(registered);
      versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
    }
    schemasById.put(registered.id(), registered.schema());
    idsBySchemaText.putIfAbsent(registered.schema().toString(), registered.id());
  }

  public synchronized RegisteredSchema register(String subject, Schema schema) {
    RegisteredSchema registered = planRegistration(subject, schema);
    apply(registered);
    return registered;
  }

  public synchronized Optional<RegisteredSchema> find(String subject, Schema schema) {
    String text = schema.toString();
    return subjects.getOrDefault(subject, List.of()).stream().filter(v -> v.schema().toString().equals(text)).findFirst();
  }

  public synchronized Optional<Schema> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** Subjects that hold the schema with this id, with the version under each. */
  public synchronized List<RegisteredSchema> usesOf(int id) {
    return subjects.values().stream().flatMap(List::stream).filter(v -> v.id() == id).toList();
  }

  public synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  public synchronized List<RegisteredSchema> versions(String subject) {
    List<RegisteredSchema> versions = subjects.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException("Subject '" + subject + "' not found.", SUBJECT_NOT_FOUND);
    }
    return List.copyOf(versions);
  }

  /** A version by number, or "latest" (Confluent also accepts -1 for it). */
  public synchronized RegisteredSchema version(String subject, String version) {
    List<RegisteredSchema> versions = versions(subject);
    if (version.equals("latest") || version.equals("-1")) {
      return versions.get(versions.size() - 1);
    }
    try {
      int wanted = Integer.parseInt(version);
      return versions.stream()
          .filter(v -> v.version() == wanted)
          .findFirst()
          .orElseThrow(() -> new SchemaRegistryException("Version " + version + " not found.", VERSION_NOT_FOUND));
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(
          "The specified version '" + version + "' is not a valid version id. Use a positive number or 'latest'.", 42202);
    }
  }

  public synchronized Optional<RegisteredSchema> latest(String subject) {
    List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  public synchronized CompatibilityLevel compatibility(String subject) {
    return subject == null ? globalCompatibility : subjectCompatibility.getOrDefault(subject, globalCompatibility);
  }

  /** Sets the rule of one subject, or the global default when subject is null. */
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalCompatibility = level;
    } else {
      subjectCompatibility.put(subject, level);
    }
  }

  private int nextId() {
    return schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
  }
}
