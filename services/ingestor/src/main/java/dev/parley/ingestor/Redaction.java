package dev.parley.ingestor;

import java.util.regex.Pattern;

/**
 * Removes credentials from text that is kept or echoed: a refused input must not store a feed's
 * password either.
 */
final class Redaction {

  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s\"]*@");

  private Redaction() {}

  /** {@code https://user:pass@host/} becomes {@code https://***@host/}. */
  static String credentials(String text) {
    return USER_INFO.matcher(text).replaceAll("$1***@");
  }
}
