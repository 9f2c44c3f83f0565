package dev.parley.serde;

import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.1+ only instantiates classes on its allow-list (AVRO-4189); each serde adds the
 * generated classes its schema uses (the record and every record, enum and fixed inside it),
 * keeping the check for everything else.
 */
final class TrustedAvroClasses {

  private TrustedAvroClasses() {}

  /**
   * Each global validator wraps the one before; adding only new names keeps that chain as short as
   * the set of types.
   */
  private static final Set<String> TRUSTED = new HashSet<>();

  static synchronized void trust(Schema schema) {
    Set<String> names = new HashSet<>();
    collectNamedTypes(schema, names);
    names.removeAll(TRUSTED);
    if (names.isEmpty()) {
      return;
    }
    TRUSTED.addAll(names);
    ClassSecurityValidator.Builder allowed = ClassSecurityValidator.builder();
    names.forEach(allowed::add);
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), allowed.build()));
  }

  private static void collectNamedTypes(Schema schema, Set<String> names) {
    switch (schema.getType()) {
      case RECORD -> {
        if (names.add(schema.getFullName())) {
          schema.getFields().forEach(f -> collectNamedTypes(f.schema(), names));
        }
      }
      case ENUM, FIXED -> names.add(schema.getFullName());
      case ARRAY -> collectNamedTypes(schema.getElementType(), names);
      case MAP -> collectNamedTypes(schema.getValueType(), names);
      case UNION -> schema.getTypes().forEach(t -> collectNamedTypes(t, names));
      default -> {}
    }
  }
}
