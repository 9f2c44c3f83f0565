package dev.parley.ingestor;

/**
 * An article's headline and body exactly as the ingestor publishes them, for tools that read
 * article files without Kafka (`parley extract`), so they see the same text as the pipeline.
 */
public record CleanArticle(String headline, String body) {

  /** Reads a plain-text article: the first line is the headline, the rest the body. */
  public static CleanArticle fromPlainText(String content) {
    ArticleSubmission submission =
        SubmissionParser.fromText(content, SubmissionParser.Defaults.NONE);
    ArticleCleaner cleaner = new ArticleCleaner(HtmlLimits.DEFAULT);
    return new CleanArticle(
        cleaner.cleanHeadline(submission.headline()), cleaner.clean(submission.body(), false));
  }
}
