package dev.parley.ingestor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Turns a submitted body into the plain text the extractor reads: HTML reduced to its paragraphs
 * with jsoup, page furniture dropped (comment forms, photo credits, share and newsletter prompts),
 * whitespace normalised, one paragraph a line, no trailing blank lines.
 */
final class ArticleCleaner {

  /** Block elements whose text forms a paragraph of its own. */
  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, div:not(:has(p, div, li, h1, h2, h3, h4, h5, h6, blockquote))";

  /** Page elements that are never part of the article's text. */
  private static final String FURNITURE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, figure > img, "
      + "[class~=(?i)(comment|share|social|newsletter|related|advert|promo|cookie|subscribe)], [id~=(?i)(comment|respond|share|newsletter)]";

  /** Lines of boilerplate that feeds glue to article text. */
  private static final List<Pattern> BOILERPLATE_LINES = List.of(
      Pattern.compile("(?i)^leave a (reply|comment)\\b.*"),
      Pattern.compile("(?i)^cancel reply$"),
      Pattern.compile("(?i).*your email address will not be published.*"),
      Pattern.compile("(?i)^required fields are marked.*"),
      Pattern.compile("(?i)^(photo |image |picture )?(credit|credits|photo|image|photograph)\\s*:\\s*[^.]{1,60}\\.?$"),
      Pattern.compile("(?i)^\\(?(photo|image) by [^.]{1,60}\\)?$"),
      Pattern.compile("(?i)^(share|share this( article| story| page)?|share (on|via) [^.]{1,40}|follow us( on [^.]{1,40})?"
          + "|sign up (for|to) [^.]{0,60}|subscribe( to [^.]{0,60})?)[.!:]?$"),
      Pattern.compile("(?i)^(advertisement|sponsored( content)?|related( articles?| stories)?|read more|click here[^.]{0,40})[.:]?$"),
      Pattern.compile("(?i)^(all rights reserved|copyright|©).{0,120}$"));

  private static final Pattern SPACES = Pattern.compile("[\\h\\s&&[^\\n]]+");

  String clean(String body, boolean html) {
    List<String> paragraphs = html ? htmlParagraphs(body) : List.of(body.split("\\r?\\n"));
    List<String> kept = new ArrayList<>();
    for (String paragraph : paragraphs) {
      String line = SPACES.matcher(paragraph).replaceAll(" ").strip();
      if (!line.isEmpty() && !isBoilerplate(line)) {
        kept.add(line);
      }
    }
    return String.join("\n", kept);
  }

  /** Cleans a headline: no markup, one line. */
  String cleanHeadline(String headline) {
    String text = Jsoup.clean(headline, Safelist.none());
    return SPACES.matcher(org.jsoup.parser.Parser.unescapeEntities(text, false).replace('\n', ' ')).replaceAll(" ").strip();
  }

  private static boolean isBoilerplate(String line) {
    return BOILERPLATE_LINES.stream().anyMatch(p -> p.matcher(line).matches());
  }

  private static List<String> htmlParagraphs(String html) {
    Document document = Jsoup.parseBodyFragment(html);
    document.select(FURNITURE).remove();
    List<String> paragraphs = new ArrayList<>();
    for (Element block : document.body().select(BLOCKS)) {
      if (block.parents().stream().noneMatch(parent -> parent.is(BLOCKS) && parent != document.body())) {
        paragraphs.add(block.text());
      }
    }
    if (paragraphs.isEmpty()) {
      paragraphs.addAll(List.of(document.body().wholeText().split("\\r?\\n")));
    }
    return paragraphs;
  }
}
