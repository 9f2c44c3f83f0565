package dev.parley.ingestor;

/**
 * Input the ingestor refuses, with the HTTP status to answer and a message that says how to fix it.
 */
final class InvalidInputException extends RuntimeException {

  private final int status;

  InvalidInputException(int status, String message) {
    super(message);
    this.status = status;
  }

  static InvalidInputException badRequest(String message) {
    return new InvalidInputException(400, message);
  }

  int status() {
    return status;
  }
}
