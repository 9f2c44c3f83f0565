package dev.parley.ingestor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Reads a request body with a byte limit that holds whatever the client declares: a chunked upload
 * or a false Content-Length is counted as it arrives, and a body that ends before its declared
 * length is the client's error, not the server's.
 */
final class RequestBody {

  /** How many times its limit a too-large body is read before the refusal (see discardRest). */
  private static final int DISCARD_FACTOR = 4;

  private RequestBody() {}

  /**
   * @param declaredLength the Content-Length, or -1 when the body is chunked
   * @param charset the request's charset; malformed text is refused, never replaced
   * @param what "one article" or "a batch", for the messages
   * @param limitSetting the variable that raises the limit
   */
  static String read(
      InputStream in,
      long declaredLength,
      Charset charset,
      int limit,
      String what,
      String limitSetting) {
    if (declaredLength > limit) {
      discardRest(in, declaredLength, limit);
      throw tooLarge(declaredLength + " bytes", limit, what, limitSetting);
    }
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 8192), limit));
    byte[] buffer = new byte[8192];
    try {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (bytes.size() + read > limit) {
          discardRest(in, declaredLength, limit);
          throw tooLarge("more than " + limit + " bytes", limit, what, limitSetting);
        }
        bytes.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw InvalidInputException.badRequest(
          "The request body ended after "
              + bytes.size()
              + " bytes"
              + (declaredLength >= 0
                  ? " of the " + declaredLength + " its Content-Length announced"
                  : "")
              + " ("
              + e.getMessage()
              + "); send the whole body, with a Content-Length that matches it.");
    }
    if (declaredLength >= 0 && bytes.size() < declaredLength) {
      throw InvalidInputException.badRequest(
          "The request body has "
              + bytes.size()
              + " bytes, fewer than the "
              + declaredLength
              + " its Content-Length announced; send the whole body, with a Content-Length that matches it.");
    }
    return decode(bytes.toByteArray(), charset);
  }

  /**
   * Reads and drops the rest of a body that is too large, up to {@link #DISCARD_FACTOR} times the
   * limit: a client still sending it when the 413 comes back would otherwise see the connection
   * closed under its upload (a broken pipe) and never read why. A larger body is not read at all.
   */
  private static void discardRest(InputStream in, long declaredLength, int limit) {
    long most = (long) DISCARD_FACTOR * limit;
    if (declaredLength > most) {
      return;
    }
    byte[] buffer = new byte[8192];
    try {
      for (long dropped = 0; dropped < most; ) {
        int read = in.read(buffer);
        if (read < 0) {
          return;
        }
        dropped += read;
      }
    } catch (IOException e) {
      // the client stopped sending; the 413 is still the answer
    }
  }

  private static String decode(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.badRequest(
          "The request body is not valid "
              + charset.name()
              + " ("
              + e
              + "); send articles encoded as UTF-8, or name their charset in the Content-Type.");
    }
  }

  private static InvalidInputException tooLarge(
      String size, int limit, String what, String limitSetting) {
    return new InvalidInputException(
        413,
        "The request has "
            + size
            + ", more than the "
            + limit
            + " allowed for "
            + what
            + ("a batch".equals(what) ? "; split it into smaller batches" : "; shorten it")
            + " or raise "
            + limitSetting
            + ".");
  }
}
