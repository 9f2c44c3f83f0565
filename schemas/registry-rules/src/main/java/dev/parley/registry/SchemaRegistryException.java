package dev.parley.registry;

/** The registry could not be reached, or it refused the request; the message says what to do. */
public class SchemaRegistryException extends RuntimeException {

  private final int errorCode;

  public SchemaRegistryException(String message, int errorCode) {
    super(message);
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.errorCode = 0;
  }

  /**
   * The registry's error_code (e.g. 409 incompatible, 40401 subject not found); 0 if it never
   * answered.
   */
  public int errorCode() {
    return errorCode;
  }
}
