package dev.parley.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Content-Type header. Read the header itself, not the servlet's view of it: Jetty throws
 * on a charset it does not know, and an unknown charset is the sender's error, not the server's.
 */
public final class MediaType {

  private static final Pattern CHARSET =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");

  private MediaType() {}

  /** The media type: lower case, without parameters such as charset; empty when there is none. */
  public static String of(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The charset parameter as given, if there is one. */
  public static Optional<String> charset(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    Matcher matcher = CHARSET.matcher(contentType);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
