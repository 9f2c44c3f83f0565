package dev.parley.ingestor;

import dev.parley.avro.Article;
import dev.parley.common.MediaType;
import dev.parley.common.RefusedRequest;
import dev.parley.common.ServiceConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles} takes one article (JSON, text/plain or HTML) or an NDJSON batch; {@code
 * POST /articles/batch} takes NDJSON. Each needs a feed key ({@code Authorization: Bearer}).
 * Answers 202 with the ids once Kafka has the articles; otherwise a JSON error that names the
 * problem, and every refusal, whatever its status, is kept in {@code parley.rejected}.
 */
final class IngestRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(IngestRoutes.class);
  private static final String BODY = "parley.body";
  private static final String FEED = "parley.feed";

  private final SubmissionParser parser;
  private final ArticleBuilder builder;
  private final ArticlePublisher publisher;
  private final IngestLimits limits;
  private final FeedKeys keys;
  private final ShutdownGate gate;

  IngestRoutes(ArticlePublisher publisher, IngestLimits limits, FeedKeys keys, ShutdownGate gate) {
    this.publisher = publisher;
    this.limits = limits;
    this.keys = keys;
    this.gate = gate;
    this.parser =
        new SubmissionParser(new HtmlLimits(limits.maxHtmlDepth(), limits.htmlTimeLimit()));
    this.builder = new ArticleBuilder(limits);
  }

  void register(JavalinConfig config) {
    config.http.maxRequestSize = limits.maxRequestBytes();
    RoutesConfig routes = config.routes;
    routes.post("/articles", ctx -> admitted(ctx, ctx.header("Content-Type")));
    routes.post(
        "/articles/batch",
        ctx ->
            admitted(
                ctx,
                SubmissionParser.NDJSON_TYPES.contains(MediaType.of(ctx.header("Content-Type")))
                    ? ctx.header("Content-Type")
                    : "application/x-ndjson"));
    routes.exception(
        InvalidInputException.class, (e, ctx) -> refuse(ctx, e.status(), e.getMessage()));
    routes.exception(
        ArticlePublisher.KafkaUnavailableException.class,
        (e, ctx) -> refuse(ctx, 503, e.getMessage()));
    routes.exception(RefusedRequest.class, (e, ctx) -> refuse(ctx, e.status(), e.getMessage()));
  }

  private void admitted(Context ctx, String contentType) {
    gate.enter();
    try {
      accept(ctx, contentType);
    } catch (InvalidInputException | ArticlePublisher.KafkaUnavailableException e) {
      throw e;
    } catch (IOException e) {
      refuse(ctx, 400, "The request body could not be read (" + e + "); send it again, whole.");
    } catch (RuntimeException e) {
      LOG.error("Could not take a push: {}", e.toString(), e);
      refuse(
          ctx,
          500,
          "The ingestor failed on this request ("
              + e
              + "); nothing of it was published. Send it again; if it "
              + "fails the same way, report it with the ingestor's log.");
    } finally {
      gate.leave();
    }
  }

  private void accept(Context ctx, String contentType) throws IOException {
    String feed = keys.feedFor(ctx.header("Authorization")).orElseThrow(() -> unauthorized(ctx));
    ctx.attribute(FEED, feed);
    boolean batch = SubmissionParser.NDJSON_TYPES.contains(MediaType.of(contentType));
    String body =
        RequestBody.read(
            ctx.req().getInputStream(),
            ctx.req().getContentLengthLong(),
            charset(ctx),
            batch ? limits.maxBatchBytes() : limits.maxArticleBytes(),
            batch ? "a batch" : "one article",
            batch ? ServiceConfig.MAX_BATCH_BYTES : ServiceConfig.MAX_ARTICLE_BYTES);
    ctx.attribute(BODY, body);
    List<ArticleSubmission> submissions =
        parser.parse(
            contentType,
            body,
            new SubmissionParser.Defaults(
                ctx.queryParam("source"),
                ctx.queryParam("url"),
                ctx.queryParam("publishedAt"),
                ctx.queryParamAsClass("language", String.class).getOrDefault("en")));
    List<Article> articles = build(submissions, feed);
    publisher.publish(articles);
    Map<String, Object> answer = new LinkedHashMap<>();
    if (articles.size() == 1 && !batch) {
      answer.put("id", articles.get(0).getId());
    }
    answer.put("ids", articles.stream().map(Article::getId).toList());
    answer.put("accepted", articles.size());
    ctx.status(202).json(answer);
  }

  /** Builds every article, or refuses the whole request naming each bad one. */
  private List<Article> build(List<ArticleSubmission> submissions, String feed) {
    Instant now = Instant.now();
    List<Built> built =
        Batch.map(
            submissions,
            submission -> {
              try {
                return new Built(builder.build(submission, feed, now, submission.where()), null);
              } catch (InvalidInputException e) {
                return new Built(null, e.getMessage());
              }
            });
    List<Article> articles = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Built one : built) {
      if (one.problem() == null) {
        articles.add(one.article());
      } else {
        problems.add(one.problem());
      }
    }
    if (problems.size() == 1 && submissions.size() == 1) {
      throw InvalidInputException.badRequest(problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.badRequest(
          "The batch was not accepted (no article of it was published), fix these lines and send "
              + "it again: "
              + String.join(" | ", problems));
    }
    return articles;
  }

  /** An article built from its submission, or why it was refused. */
  private record Built(Article article, String problem) {}

  private InvalidInputException unauthorized(Context ctx) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"parley-ingestor\"");
    if (keys.isEmpty()) {
      return new InvalidInputException(
          401,
          "This ingestor has no feed keys, so it takes no articles: its operator sets "
              + ServiceConfig.FEED_KEYS_FILE
              + " (see docs/ingesting.md). With `./parley up`, use the key it prints.");
    }
    String authorization = ctx.header("Authorization");
    return new InvalidInputException(
        401,
        authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? "A feed key is needed: send 'Authorization: Bearer <key>' (the CLI reads PARLEY_FEED_KEY or --feed-key; `./parley up` prints its local key)."
            : "The feed key is not known to this ingestor (or was revoked); ask its operator for a key, or check PARLEY_FEED_KEY.");
  }

  private static Charset charset(Context ctx) {
    String name = MediaType.charset(ctx.header("Content-Type")).orElse(null);
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidInputException(
          415, "Charset '" + name + "' is not supported; send UTF-8 (charset=utf-8).");
    }
  }

  private void refuse(Context ctx, int status, String reason) {
    String body = ctx.attribute(BODY);
    publisher.reject(
        new Refusal(
            status,
            reason,
            ctx.header("Content-Type"),
            body == null ? "" : body,
            ctx.attribute(FEED)));
    ctx.status(status).json(Map.of("error", reason, "status", status));
  }
}
