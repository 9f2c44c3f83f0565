package dev.parley.ingestor;

import dev.parley.avro.Article;
import dev.parley.common.ServiceConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /articles} takes one article (JSON, text/plain or HTML) or an NDJSON batch;
 * {@code POST /articles/batch} takes NDJSON. Answers 202 with the ids once Kafka has the articles;
 * 400, 413 or 415 with a JSON error that names the problem.
 */
final class IngestRoutes {

  private static final Duration MAX_CLOCK_AHEAD = Duration.ofHours(1);

  private final SubmissionParser parser = new SubmissionParser();
  private final ArticleCleaner cleaner = new ArticleCleaner();
  private final ArticlePublisher publisher;
  private final long maxArticleBytes;
  private final long maxBatchBytes;

  IngestRoutes(ArticlePublisher publisher, IngestorConfig config) {
    this.publisher = publisher;
    this.maxArticleBytes = config.maxArticleBytes();
    this.maxBatchBytes = config.maxBatchBytes();
  }

  void register(JavalinConfig config) {
    config.http.maxRequestSize = Math.max(maxArticleBytes, maxBatchBytes);
    RoutesConfig routes = config.routes;
    routes.post("/articles", ctx -> accept(ctx, ctx.contentType()));
    routes.post("/articles/batch", ctx -> accept(ctx, SubmissionParser.NDJSON_TYPES.contains(SubmissionParser.mediaType(ctx.contentType()))
        ? ctx.contentType() : "application/x-ndjson"));
    routes.exception(InvalidInputException.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage(), "status", e.status())));
    routes.exception(ArticlePublisher.KafkaUnavailableException.class, (e, ctx) -> ctx.status(503).json(Map.of("error", e.getMessage(), "status", 503)));
  }

  private void accept(Context ctx, String contentType) {
    long length = ctx.contentLength();
    boolean batch = SubmissionParser.NDJSON_TYPES.contains(SubmissionParser.mediaType(contentType));
    long limit = batch ? maxBatchBytes : maxArticleBytes;
    if (length > limit) {
      String reason = "The request has " + length + " bytes, more than the " + limit + " allowed for " + (batch ? "a batch" : "one article")
          + (batch ? "; split it into smaller batches" : "; shorten it") + " or raise "
          + (batch ? ServiceConfig.MAX_BATCH_BYTES : ServiceConfig.MAX_ARTICLE_BYTES) + ".";
      publisher.reject(contentType, "", reason);
      throw new InvalidInputException(413, reason);
    }
    String body = ctx.body();
    List<ArticleSubmission> submissions;
    try {
      submissions = parser.parse(contentType, body, new SubmissionParser.Defaults(ctx.queryParam("source"), ctx.queryParam("url"),
          ctx.queryParam("publishedAt"), ctx.queryParamAsClass("language", String.class).getOrDefault("en")));
    } catch (InvalidInputException e) {
      publisher.reject(contentType, body, e.getMessage());
      throw e;
    }
    Instant now = Instant.now();
    List<Article> articles = submissions.stream().map(s -> toArticle(s, now)).toList();
    publisher.publish(articles);
    Map<String, Object> answer = new LinkedHashMap<>();
    if (articles.size() == 1 && !batch) {
      answer.put("id", articles.get(0).getId());
    }
    answer.put("ids", articles.stream().map(Article::getId).toList());
    answer.put("accepted", articles.size());
    ctx.status(202).json(answer);
  }

  private Article toArticle(ArticleSubmission submission, Instant now) {
    String headline = cleaner.cleanHeadline(submission.headline());
    String body = cleaner.clean(submission.body(), submission.html());
    if (body.isBlank()) {
      throw InvalidInputException.badRequest("Article '" + headline + "' has no text left once markup and page boilerplate are removed.");
    }
    requireWebAddress(submission.url());
    requireNotFuture(submission.publishedAt(), now);
    String source = submission.source() != null ? submission.source() : sourceFromUrl(submission.url());
    return Article.newBuilder()
        .setId(ArticleIds.idFor(submission.url(), source, headline, body))
        .setHeadline(headline)
        .setBody(body)
        .setUrl(submission.url())
        .setSource(source)
        .setPublishedAt(submission.publishedAt() != null ? submission.publishedAt() : now)
        .setIngestedAt(now)
        .setLanguage(submission.language() == null ? "en" : submission.language())
        .setContentHash(ArticleIds.contentHash(headline, body))
        .setFingerprint(ArticleFingerprint.of(body))
        .build();
  }

  /**
   * An article from the future is a wrong date or time zone; Kafka itself refuses record
   * timestamps more than an hour ahead by default (log.message.timestamp.after.max.ms).
   */
  private static void requireNotFuture(Instant publishedAt, Instant now) {
    if (publishedAt != null && publishedAt.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
      throw InvalidInputException.badRequest("publishedAt " + publishedAt + " is more than an hour after now (" + now
          + "); give the time the outlet published the article, with its time-zone offset.");
    }
  }

  /** Readers follow the link from the dashboard: anything but a web address (javascript:, data:) is refused. */
  private static void requireWebAddress(String url) {
    if (url == null) {
      return;
    }
    try {
      URI uri = new URI(url);
      if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
        return;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw InvalidInputException.badRequest("url '" + url + "' is not a web address; give the article's absolute http(s) URL, or leave url out.");
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
