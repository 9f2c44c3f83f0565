package dev.parley.ingestor;

import dev.parley.avro.Article;
import java.time.Instant;

/**
 * Turns a submission into the article the ingestor publishes: cleaned, checked against {@link
 * SubmissionRules}, with its deterministic id, its feed (from the sender's key, never from the
 * request) and its fingerprint.
 */
final class ArticleBuilder {

  private final ArticleCleaner cleaner;
  private final SubmissionRules rules;

  ArticleBuilder(IngestLimits limits) {
    this.cleaner =
        new ArticleCleaner(new HtmlLimits(limits.maxHtmlDepth(), limits.htmlTimeLimit()));
    this.rules = new SubmissionRules(limits);
  }

  /**
   * @param prefix names the batch line in refusals, e.g. "Line 3: ", or is empty
   */
  Article build(ArticleSubmission submission, String feed, Instant now, String prefix) {
    String headline = cleaner.cleanHeadline(submission.headline());
    rules.requireHeadline(headline, prefix);
    String body = cleaner.clean(submission.body(), submission.html());
    rules.requireText(body, headline, prefix);
    String url = rules.webAddress(submission.url(), prefix);
    rules.requirePublishedAt(submission.publishedAt(), now, prefix);
    rules.requireSource(submission.source(), prefix);
    rules.requireLanguage(submission.language(), prefix);
    String source = submission.source() != null ? submission.source() : sourceFromUrl(url);
    return Article.newBuilder()
        .setId(ArticleIds.idFor(url, source, headline, body))
        .setHeadline(headline)
        .setBody(body)
        .setUrl(url)
        .setSource(source)
        .setFeed(feed)
        .setPublishedAt(submission.publishedAt() != null ? submission.publishedAt() : now)
        .setPublishedAtEstimated(submission.publishedAt() == null)
        .setIngestedAt(now)
        .setLanguage(submission.language() == null ? "en" : submission.language())
        .setContentHash(ArticleIds.contentHash(headline, body))
        .setFingerprint(ArticleFingerprint.of(body))
        .build();
  }

  private static String sourceFromUrl(String url) {
    if (url == null) {
      return "unknown";
    }
    String host = ArticleIds.canonicalUrl(url);
    int slash = host.indexOf('/');
    return slash < 0 ? host : host.substring(0, slash);
  }
}
