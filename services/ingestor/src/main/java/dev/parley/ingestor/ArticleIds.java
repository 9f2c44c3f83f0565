package dev.parley.ingestor;

import dev.parley.common.Sha256;
import java.util.Locale;

/**
 * Deterministic article ids, so pushing the same article twice yields one key: from the URL when
 * there is one (an edited article keeps its id and replaces its earlier version), else from the
 * source, headline and text.
 */
final class ArticleIds {

  private ArticleIds() {}

  static String idFor(String url, String source, String headline, String body) {
    String identity = url != null ? canonicalUrl(url) : source + "\n" + headline + "\n" + body;
    return Sha256.hex(identity).substring(0, 16);
  }

  static String contentHash(String headline, String body) {
    return Sha256.hex(headline + "\n" + body);
  }

  /**
   * Drops what does not change which page a URL names: scheme, fragment, tracking parameters, a
   * trailing slash.
   */
  static String canonicalUrl(String url) {
    String canonical = url.strip().replaceFirst("(?i)^https?://", "").replaceFirst("#.*$", "");
    canonical =
        canonical
            .replaceAll("([?&])(utm_[a-z]+|fbclid|gclid)=[^&]*", "$1")
            .replaceAll("[?&]+$", "")
            .replace("?&", "?");
    if (canonical.endsWith("/")) {
      canonical = canonical.substring(0, canonical.length() - 1);
    }
    int slash = canonical.indexOf('/');
    String host =
        (slash < 0 ? canonical : canonical.substring(0, slash))
            .toLowerCase(Locale.ROOT)
            .replaceFirst("^www\\.", "");
    return slash < 0 ? host : host + canonical.substring(slash);
  }
}
