package dev.parley.common;

/**
 * A configuration variable with a value Parley cannot use; the message names it and says what to
 * set.
 */
public final class InvalidConfigException extends IllegalArgumentException {

  private final String variable;

  public InvalidConfigException(String variable, String value, String problem) {
    super(variable + "=" + value + " " + problem + ".");
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
