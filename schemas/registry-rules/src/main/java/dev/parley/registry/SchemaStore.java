package dev.parley.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.avro.Schema;

/**
 * Subjects, versions, global ids and compatibility rules, held in memory, with the rules of
 * Confluent's registry: a delete is soft (the version stays, marked deleted, and its id still
 * resolves) until a second, permanent delete removes it. The in-memory client and Parley's own
 * registry server (which persists each change to a Kafka topic first, hence the plan-then-apply
 * methods) both keep their schemas here, so the rules exist once.
 */
public final class SchemaStore {

  /** Confluent's error codes, so any client of that API understands our answers. */
  public static final int SUBJECT_NOT_FOUND = 40401;

  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_SOFT_DELETED = 40404;
  public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
  public static final int VERSION_SOFT_DELETED = 40406;
  public static final int VERSION_NOT_SOFT_DELETED = 40407;
  public static final int SUBJECT_CONFIG_NOT_FOUND = 40408;
  public static final int INCOMPATIBLE = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY = 42203;

  public static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;

  private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectCompatibility = new HashMap<>();
  private CompatibilityLevel globalCompatibility = DEFAULT_COMPATIBILITY;

  /**
   * What registering the schema under the subject would record, without recording it: the existing
   * live version if the subject has the schema already, else the next version. Throws with code 409
   * when the subject's compatibility rule refuses the schema.
   */
  public synchronized RegisteredSchema planRegistration(String subject, Schema schema) {
    Optional<RegisteredSchema> existing = find(subject, schema, false);
    if (existing.isPresent()) {
      return existing.get();
    }
    List<RegisteredSchema> all = subjects.getOrDefault(subject, List.of());
    String problem =
        compatibility(subject)
            .incompatibility(schema, live(all).stream().map(RegisteredSchema::schema).toList());
    if (problem != null) {
      throw new SchemaRegistryException(
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\" under "
              + compatibility(subject)
              + " compatibility: "
              + problem
              + ". Add a default to new fields, or register it under a new subject.",
          INCOMPATIBLE);
    }
    int id = idsBySchemaText.getOrDefault(schema.toString(), nextId());
    int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
    return new RegisteredSchema(subject, version, id, schema);
  }

  /**
   * Records a registration or a soft delete (planned here, or replayed from the registry's log).
   */
  public synchronized void apply(RegisteredSchema registered) {
    List<RegisteredSchema> versions =
        subjects.computeIfAbsent(registered.subject(), s -> new ArrayList<>());
    versions.removeIf(v -> v.version() == registered.version());
    versions.add(registered);
    versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
    idsBySchemaText.putIfAbsent(registered.schema().toString(), registered.id());
  }

  public synchronized RegisteredSchema register(String subject, Schema schema) {
    RegisteredSchema registered = planRegistration(subject, schema);
    apply(registered);
    return registered;
  }

  public synchronized Optional<RegisteredSchema> find(
      String subject, Schema schema, boolean includeDeleted) {
    String text = schema.toString();
    return subjects.getOrDefault(subject, List.of()).stream()
        .filter(v -> includeDeleted || !v.deleted())
        .filter(v -> v.schema().toString().equals(text))
        .findFirst();
  }

  public Optional<RegisteredSchema> find(String subject, Schema schema) {
    return find(subject, schema, false);
  }

  /** The schema with this id, while any version (soft-deleted ones included) still holds it. */
  public synchronized Optional<Schema> schemaById(int id) {
    return everyVersion().filter(v -> v.id() == id).map(RegisteredSchema::schema).findFirst();
  }

  /** Versions that hold the schema with this id, subject by subject. */
  public synchronized List<RegisteredSchema> usesOf(int id, boolean includeDeleted) {
    return everyVersion().filter(v -> v.id() == id && (includeDeleted || !v.deleted())).toList();
  }

  /**
   * Every version of every subject whose name starts with the prefix, oldest first within a
   * subject.
   */
  public synchronized List<RegisteredSchema> schemas(String subjectPrefix, boolean includeDeleted) {
    return everyVersion()
        .filter(v -> v.subject().startsWith(subjectPrefix) && (includeDeleted || !v.deleted()))
        .toList();
  }

  public synchronized List<String> subjects(boolean includeDeleted) {
    return subjects.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(v -> includeDeleted || !v.deleted()))
        .map(Map.Entry::getKey)
        .toList();
  }

  public List<String> subjects() {
    return subjects(false);
  }

  /** The subject's versions, oldest first; 40401 when it has none to show. */
  public synchronized List<RegisteredSchema> versions(String subject, boolean includeDeleted) {
    List<RegisteredSchema> shown =
        subjects.getOrDefault(subject, List.of()).stream()
            .filter(v -> includeDeleted || !v.deleted())
            .toList();
    if (shown.isEmpty()) {
      throw new SchemaRegistryException("Subject '" + subject + "' not found.", SUBJECT_NOT_FOUND);
    }
    return shown;
  }

  public List<RegisteredSchema> versions(String subject) {
    return versions(subject, false);
  }

  /** A version by number, or "latest" (Confluent also accepts -1 for it). */
  public synchronized RegisteredSchema version(
      String subject, String version, boolean includeDeleted) {
    List<RegisteredSchema> versions = versions(subject, includeDeleted);
    int wanted = versionNumber(version);
    if (wanted == -1) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream()
        .filter(v -> v.version() == wanted)
        .findFirst()
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    "Version " + version + " not found.", VERSION_NOT_FOUND));
  }

  public RegisteredSchema version(String subject, String version) {
    return version(subject, version, false);
  }

  /**
   * The version a soft delete of {@code version} marks deleted; refuses one already soft-deleted
   * (40406).
   */
  public synchronized RegisteredSchema planSoftDelete(String subject, String version) {
    RegisteredSchema found = version(subject, version, !isLatest(version));
    if (found.deleted()) {
      throw new SchemaRegistryException(
          "Subject '"
              + subject
              + "' Version "
              + found.version()
              + " was soft deleted. Set permanent=true to delete permanently",
          VERSION_SOFT_DELETED);
    }
    return found.softDeleted();
  }

  /** The version a permanent delete removes; it must be soft-deleted first (40407). */
  public synchronized RegisteredSchema planHardDelete(String subject, String version) {
    RegisteredSchema found = version(subject, version, true);
    if (!found.deleted()) {
      throw new SchemaRegistryException(
          "Subject '"
              + subject
              + "' Version "
              + found.version()
              + " was not deleted first before being permanently deleted. Delete it without permanent=true first.",
          VERSION_NOT_SOFT_DELETED);
    }
    return found;
  }

  /**
   * The live versions a soft delete of the subject marks deleted; 40404 when all are soft-deleted
   * already.
   */
  public synchronized List<RegisteredSchema> planSoftDeleteSubject(String subject) {
    List<RegisteredSchema> all = versions(subject, true);
    List<RegisteredSchema> liveVersions = live(all);
    if (liveVersions.isEmpty()) {
      throw new SchemaRegistryException(
          "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently",
          SUBJECT_SOFT_DELETED);
    }
    return liveVersions.stream().map(RegisteredSchema::softDeleted).toList();
  }

  /**
   * Every version a permanent delete of the subject removes; it must be soft-deleted first (40405).
   */
  public synchronized List<RegisteredSchema> planHardDeleteSubject(String subject) {
    List<RegisteredSchema> all = versions(subject, true);
    if (!live(all).isEmpty()) {
      throw new SchemaRegistryException(
          "Subject '"
              + subject
              + "' was not deleted first before being permanently deleted. Delete it without permanent=true first.",
          SUBJECT_NOT_SOFT_DELETED);
    }
    return all;
  }

  /** Forgets a version for good (a permanent delete, planned here or replayed from the log). */
  public synchronized void remove(String subject, int version) {
    List<RegisteredSchema> versions = subjects.get(subject);
    if (versions != null) {
      versions.removeIf(v -> v.version() == version);
      if (versions.isEmpty()) {
        subjects.remove(subject);
      }
    }
  }

  public synchronized Optional<RegisteredSchema> latest(String subject) {
    List<RegisteredSchema> versions = live(subjects.getOrDefault(subject, List.of()));
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /**
   * The rule that applies to the subject: its own, else the global one (subject null: the global
   * one).
   */
  public synchronized CompatibilityLevel compatibility(String subject) {
    return subject == null
        ? globalCompatibility
        : subjectCompatibility.getOrDefault(subject, globalCompatibility);
  }

  /** The subject's own rule, if one was set for it. */
  public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return Optional.ofNullable(subjectCompatibility.get(subject));
  }

  /** Sets the rule of one subject, or the global default when subject is null. */
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalCompatibility = level;
    } else {
      subjectCompatibility.put(subject, level);
    }
  }

  /** Drops the subject's own rule, or resets the global one to the default when subject is null. */
  public synchronized void clearCompatibility(String subject) {
    if (subject == null) {
      globalCompatibility = DEFAULT_COMPATIBILITY;
    } else {
      subjectCompatibility.remove(subject);
    }
  }

  /**
   * A version path segment as a number, -1 standing for "latest"; Confluent's 42202 for anything
   * else that is not a positive number.
   */
  public static int versionNumber(String version) {
    if (isLatest(version)) {
      return -1;
    }
    try {
      int number = Integer.parseInt(version);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // falls through to the same answer as zero or a negative number
    }
    throw new SchemaRegistryException(
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"",
        INVALID_VERSION);
  }

  private static boolean isLatest(String version) {
    return version.equals("latest") || version.equals("-1");
  }

  private static List<RegisteredSchema> live(List<RegisteredSchema> versions) {
    return versions.stream().filter(Predicate.not(RegisteredSchema::deleted)).toList();
  }

  private java.util.stream.Stream<RegisteredSchema> everyVersion() {
    return subjects.values().stream().flatMap(List::stream);
  }

  private int nextId() {
    return idsBySchemaText.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
  }
}
