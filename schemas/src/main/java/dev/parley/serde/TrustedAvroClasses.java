package dev.parley.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.1+ only instantiates classes on its allow-list (AVRO-4189); each serde adds the record
 * class it reads, keeping the check for everything else.
 */
final class TrustedAvroClasses {

  private TrustedAvroClasses() {}

  static synchronized void trust(Class<? extends SpecificRecord> type) {
    ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
    if (!current.isTrusted(type)) {
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
          ClassSecurityValidator.builder().add(type).build()));
    }
  }
}
