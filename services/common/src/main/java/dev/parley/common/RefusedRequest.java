package dev.parley.common;

/**
 * A request refused before its route ran, with the HTTP status to answer and a message that says
 * what to do.
 */
public final class RefusedRequest extends RuntimeException {

  private final int status;

  public RefusedRequest(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
