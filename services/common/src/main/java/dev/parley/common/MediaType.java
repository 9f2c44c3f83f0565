package dev.parley.common;

import java.util.Locale;

/** The media type of a Content-Type header: lower case, without parameters such as charset; empty when there is none. */
public final class MediaType {

  private MediaType() {}

  public static String of(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
