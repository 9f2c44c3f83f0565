package dev.parley.ingestor;

import java.time.Instant;

/** An article as a feed sent it, before cleaning; body may be HTML when {@code html} is set. */
record ArticleSubmission(String headline, String body, boolean html, String url, String source, Instant publishedAt, String language) {}
