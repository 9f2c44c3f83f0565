package dev.parley.ingestor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

  private final ArticleCleaner cleaner = new ArticleCleaner(HtmlLimits.DEFAULT);

  @Test
  void htmlBecomesOneParagraphPerLineWithoutPageFurniture() {
    String html =
        """
        <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
        <article>
          <p>The Kremlin said on Tuesday it <b>rejects</b> the plan.</p>
          <figure><img src="x.jpg"><figcaption>Credit: Shutterstock</figcaption></figure>
          <p>Kyiv&nbsp;refused   to cede territory.</p>
          <script>track("view")</script>
          <div class="share-buttons">Share on Facebook</div>
        </article>
        <div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></div>
        """;
    assertEquals(
        "The Kremlin said on Tuesday it rejects the plan.\nKyiv refused to cede territory.",
        cleaner.clean(html, true));
  }

  @Test
  void plainTextLosesBoilerplateLinesAndTrailingBlankLinesButKeepsItsWords() {
    String text =
        "Putin met Witkoff.\n\nPhoto: Reuters\nKyiv rejected the terms.\nLeave a Reply Cancel reply\n"
            + "Your email address will not be published.\n\n\n";
    assertEquals("Putin met Witkoff.\nKyiv rejected the terms.", cleaner.clean(text, false));
  }

  @Test
  void sentencesThatMentionCreditsOrSharingInPassingAreKept() {
    String text =
        "Russia wants credit: relief from sanctions would be the price of any deal, officials said.\n"
            + "Share prices rose after Moscow said it was open to talks.";
    String cleaned = cleaner.clean(text, false);
    assertTrue(cleaned.contains("relief from sanctions"), cleaned);
    assertTrue(cleaned.contains("Share prices rose"), cleaned);
  }

  @Test
  void eachKindOfBoilerplateLineIsDroppedWhateverItsCase() {
    List<String> boilerplate =
        List.of(
            "Leave a reply",
            "LEAVE A COMMENT below",
            "Cancel reply",
            "Comments: your email address will not be published here",
            "Required fields are marked *",
            "Photo credit: AP",
            "credits: Reuters",
            "Image: Getty",
            "PHOTOGRAPH: AFP",
            "Picture credit: Mark",
            "(Photo by John Smith)",
            "image by Jane",
            "Share",
            "Share this article",
            "share on Facebook",
            "Follow us on X",
            "Sign up for our newsletter",
            "SUBSCRIBE to the digest",
            "Advertisement",
            "Sponsored content",
            "Related stories",
            "Read more",
            "Click here to read",
            "All rights reserved 2025",
            "Copyright 2025 Reuters",
            "© 2025 AFP");
    String text = "Kyiv rejected the terms.\n" + String.join("\n", boilerplate);
    assertEquals("Kyiv rejected the terms.", cleaner.clean(text, false));
  }

  @Test
  void headlinesLoseMarkupAndLineBreaks() {
    assertEquals(
        "Talks & tensions in Moscow",
        cleaner.cleanHeadline("<h1>Talks &amp; tensions\n in <i>Moscow</i></h1>"));
    assertFalse(cleaner.cleanHeadline("<script>alert(1)</script>Safe").contains("script"));
  }

  /** Characters where spacing, invisibility and markup differ. */
  private static final String TRICKY =
      "aZ7. \t\n\r\u000b\f\u0000\u001f\u007f\u0085\u00a0\u1680\u180e\u2000\u2007\u200a\u200b\u2028"
          + "\u202f\u205f\u2060\u3000\ufeff\u00e9\u0130<>&;\"\ud83d\ude00";

  @Test
  void aLineIsCleanedAsByTheExpressionsItReplaced() {
    Pattern invisible = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\u2060\\uFEFF]");
    Pattern spaces = Pattern.compile("[\\h\\s&&[^\\n]]+");
    RandomTexts.of(TRICKY, 11, 20_000, 42)
        .forEach(
            text -> {
              String expected =
                  spaces.matcher(invisible.matcher(text).replaceAll("")).replaceAll(" ").strip();
              assertEquals(expected, ArticleCleaner.plainLine(text), () -> "for " + escaped(text));
            });
  }

  @Test
  void aHeadlineWithoutMarkupIsCleanedAsIfJsoupHadReadIt() {
    RandomTexts.of(TRICKY, 11, 20_000, 7)
        .forEach(
            headline -> {
              String expected = ArticleCleaner.plainLine(Jsoup.parse(headline).body().text());
              assertEquals(
                  expected, cleaner.cleanHeadline(headline), () -> "for " + escaped(headline));
            });
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
