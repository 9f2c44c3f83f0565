package dev.parley.cli.bench;

import dev.parley.ingestor.CleanArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Distinct articles with the skew of real coverage, built from the sample texts: each takes one to
 * three paragraphs of the samples, chosen with a Zipf skew so that a few paragraphs (and so a few
 * positions) appear in most articles, pads them with neutral filler of three times as many words,
 * as a report surrounds the statement it quotes, so that no two articles read as copies, and some
 * are copies of a recent wire story run by another outlet. Published times advance 20 s per
 * article, a few arrive days late. The same seed gives the same articles.
 */
final class BenchArticles {

  private static final double ZIPF_EXPONENT = 1.1;
  private static final double WIRE_COPY_SHARE = 0.1;
  private static final double LATE_SHARE = 0.05;
  private static final int OUTLETS = 40;
  private static final int FILLER_PER_WORD = 3;
  private static final int RECENT_WIRE_STORIES = 50;
  private static final String[] FILLER =
      ("the a of in on at for with after before during meeting officials said week day "
              + "report talks city capital office statement morning evening press conference delegation schedule room hotel "
              + "travel plans weather road train flight minister spokesman council committee budget figures data survey market "
              + "prices energy winter summer season local regional analysts observers diplomats reporters cameras crowd street")
          .split(" ");
  private static final int LONGEST_FILLER =
      Arrays.stream(FILLER).mapToInt(String::length).max().orElseThrow() + ". ".length();

  private final List<String> paragraphs = new ArrayList<>();
  private final List<String> headlines = new ArrayList<>();
  private final double[] cumulative;
  private final Random random;
  private final String run;
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Map<String, Object>> recentWire = new ArrayList<>();
  private int made;

  BenchArticles(List<CleanArticle> samples, long seed) {
    for (CleanArticle sample : samples) {
      headlines.add(sample.headline());
      for (String paragraph : sample.body().split("\n+")) {
        if (!paragraph.isBlank()) {
          paragraphs.add(paragraph.strip());
        }
      }
    }
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException(
          "The sample articles have no text to build benchmark articles from.");
    }
    random = new Random(seed);
    java.util.Collections.shuffle(
        paragraphs, random); // which paragraphs are hot does not follow file order
    cumulative = new double[paragraphs.size()];
    double sum = 0;
    for (int rank = 0; rank < cumulative.length; rank++) {
      sum += 1.0 / Math.pow(rank + 1, ZIPF_EXPONENT);
      cumulative[rank] = sum;
    }
    run = Long.toString(seed, 36) + "-" + Long.toString(System.currentTimeMillis(), 36);
  }

  /** The next article, as the ingestor's JSON fields. */
  Map<String, Object> next() {
    int i = made++;
    Map<String, Object> article = new LinkedHashMap<>();
    if (!recentWire.isEmpty() && random.nextDouble() < WIRE_COPY_SHARE) {
      Map<String, Object> wire = recentWire.get(random.nextInt(recentWire.size()));
      article.put("headline", wire.get("headline"));
      article.put("body", wire.get("body"));
    } else {
      article.put("headline", headlines.get(random.nextInt(headlines.size())) + " (" + i + ")");
      article.put("body", body());
      remember(article);
    }
    article.put("source", "outlet-" + (int) (OUTLETS * Math.pow(random.nextDouble(), 2)));
    article.put("url", "https://bench.parley.invalid/" + run + "/" + i);
    Instant published = start.plusSeconds(20L * i);
    if (random.nextDouble() < LATE_SHARE) {
      published = published.minus(Duration.ofDays(1 + random.nextInt(5)));
    }
    article.put("publishedAt", published.toString());
    return article;
  }

  private String body() {
    StringBuilder text = new StringBuilder();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      text.append(paragraphs.get(hotParagraph())).append("\n\n");
    }
    return withFiller(text.toString());
  }

  /**
   * The text followed by {@link #FILLER_PER_WORD} words of neutral filler per word. Two articles
   * that share a paragraph then share about a seventh of their text, as reports quoting one
   * statement do; with as many words of filler as text they shared a third, and at that overlap one
   * pair in a few hundred agrees on half its fingerprint by chance and reads as a copy.
   */
  String withFiller(String text) {
    String statement = text.strip();
    int words = FILLER_PER_WORD * wordCount(text);
    // sized once: the senders build articles while the ingestor they measure runs in this process
    StringBuilder padded = new StringBuilder(statement.length() + 2 + words * LONGEST_FILLER);
    padded.append(statement).append("\n\n");
    for (int w = 0; w < words; w++) {
      padded.append(FILLER[random.nextInt(FILLER.length)]).append(w % 12 == 11 ? ". " : " ");
    }
    padded.setLength(padded.length() - 1);
    return padded.append('.').toString();
  }

  /** As many as {@code text.split("\\s+")} gives for a text with a word, without building them. */
  private static int wordCount(String text) {
    int words = text.isEmpty() || isSpace(text.charAt(0)) ? 1 : 0; // split's leading empty string
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i)) && (i == 0 || isSpace(text.charAt(i - 1)))) {
        words++;
      }
    }
    return words;
  }

  /** The regular expressions' {@code \s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private int hotParagraph() {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int rank = Arrays.binarySearch(cumulative, x);
    return Math.min(cumulative.length - 1, rank >= 0 ? rank : -rank - 1);
  }

  private void remember(Map<String, Object> article) {
    recentWire.add(Map.copyOf(article));
    if (recentWire.size() > RECENT_WIRE_STORIES) {
      recentWire.remove(0);
    }
  }
}
