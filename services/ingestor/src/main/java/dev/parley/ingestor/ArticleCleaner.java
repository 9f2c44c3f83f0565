package dev.parley.ingestor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Turns a submitted body into the plain text the extractor reads: HTML reduced to its paragraphs
 * with jsoup, page furniture dropped (comment forms, photo credits, share and newsletter prompts),
 * whitespace normalised, one paragraph a line, no trailing blank lines. HTML is parsed within
 * {@link HtmlLimits}.
 */
record ArticleCleaner(HtmlLimits limits) {

  /**
   * Block elements whose text forms a paragraph of its own; parsed once, as jsoup would on every
   * {@code is(String)}.
   */
  private static final Evaluator BLOCKS =
      QueryParser.parse(
          "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, div:not(:has(p, div, li, h1, h2, h3, h4, h5, h6, blockquote))");

  /** Page elements that are never part of the article's text. */
  private static final String FURNITURE =
      "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, figure > img, "
          + "[class~=(?i)(comment|share|social|newsletter|related|advert|promo|cookie|subscribe)], [id~=(?i)(comment|respond|share|newsletter)]";

  /**
   * A kind of line that feeds glue to article text, and the characters, lower-cased, that such a
   * line may start with (empty when it may start with any): most lines start with none of them, and
   * the expressions took an eighth of the ingestor's work when each was tried on every line. A kind
   * found anywhere in a line is found by its words first: its expression ({@code .*words.*}) tried
   * at every character of every line was a seventh of the ingestor's request threads' time in a
   * 100k benchmark's push.
   */
  private record Boilerplate(String startsWith, String contains, Pattern line) {
    Boilerplate(String startsWith, String expression) {
      this(startsWith, "", Pattern.compile(expression));
    }

    /** A line that contains {@code words}, lower-cased, in any case. */
    static Boilerplate containing(String words) {
      return new Boilerplate("", words, Pattern.compile("(?i).*" + Pattern.quote(words) + ".*"));
    }

    boolean matches(String text) {
      return (startsWith.isEmpty()
              || startsWith.indexOf(Character.toLowerCase(text.charAt(0))) >= 0)
          && containsIgnoringCase(text, contains)
          && line.matcher(text).matches();
    }

    /**
     * Whether {@code lower} stands in the text in any case: true wherever the expression's ASCII
     * case-insensitive match could succeed, so checking it first changes no answer.
     */
    private static boolean containsIgnoringCase(String text, String lower) {
      if (lower.isEmpty()) {
        return true;
      }
      char first = lower.charAt(0);
      char firstUpper = Character.toUpperCase(first);
      for (int i = 0, last = text.length() - lower.length(); i <= last; i++) {
        char c = text.charAt(i);
        if ((c == first || c == firstUpper)
            && text.regionMatches(true, i, lower, 0, lower.length())) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<Boilerplate> BOILERPLATE_LINES =
      List.of(
          new Boilerplate("l", "(?i)^leave a (reply|comment)\\b.*"),
          new Boilerplate("c", "(?i)^cancel reply$"),
          Boilerplate.containing("your email address will not be published"),
          new Boilerplate("r", "(?i)^required fields are marked.*"),
          new Boilerplate(
              "pci",
              "(?i)^(photo |image |picture )?(credit|credits|photo|image|photograph)\\s*:\\s*[^.]{1,60}\\.?$"),
          new Boilerplate("(pi", "(?i)^\\(?(photo|image) by [^.]{1,60}\\)?$"),
          new Boilerplate(
              "sf",
              "(?i)^(share|share this( article| story| page)?|share (on|via) [^.]{1,40}|follow us( on [^.]{1,40})?"
                  + "|sign up (for|to) [^.]{0,60}|subscribe( to [^.]{0,60})?)[.!:]?$"),
          new Boilerplate(
              "asrc",
              "(?i)^(advertisement|sponsored( content)?|related( articles?| stories)?|read more|click here[^.]{0,40})[.:]?$"),
          new Boilerplate("ac©", "(?i)^(all rights reserved|copyright|©).{0,120}$"));

  String clean(String body, boolean html) {
    List<String> paragraphs =
        html ? htmlParagraphs(limits.start().parse(body)) : TextLines.of(body);
    List<String> kept = new ArrayList<>();
    for (String paragraph : paragraphs) {
      String line = plainLine(paragraph);
      if (!line.isEmpty() && !isBoilerplate(line)) {
        kept.add(line);
      }
    }
    return String.join("\n", kept);
  }

  /**
   * Cleans a headline, which feeds send as HTML: its tags dropped and its entities decoded exactly
   * once, so {@code &lt;script&gt;} becomes the text {@code <script>}, never a tag. What is stored
   * is plain text, and every reader escapes it when it shows it (docs/ingesting.md).
   */
  String cleanHeadline(String headline) {
    return plainLine(
        isMarkupFree(headline) ? headline : limits.start().parse(headline).body().text());
  }

  /**
   * Text that jsoup would hand back as it is, but for spacing that {@link #plainLine} normalises
   * the same way: no tag, no entity, no line break, control character, no-break space or lone
   * surrogate.
   */
  private static boolean isMarkupFree(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' '
          || c == '<'
          || c == '&'
          || c == '\u007f'
          || c == '\u00a0'
          || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One line as stored: no control characters but tabs and line breaks, no zero-width spaces or
   * BOM; each run of other horizontal space one space; trimmed. A loop, not regular expressions:
   * this runs on every paragraph ingested, and the expressions were a quarter of the ingestor's
   * work.
   */
  static String plainLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    boolean spaceBefore = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // visible ASCII, most of any text, is neither invisible nor space: no look-up of its type
      boolean visibleAscii = c > ' ' && c < '\u007f';
      if (!visibleAscii && isInvisible(c)) {
        continue;
      }
      if (!visibleAscii && isHorizontalSpace(c)) {
        spaceBefore = true;
        continue;
      }
      if (spaceBefore) {
        line.append(' ');
        spaceBefore = false;
      }
      line.append(c);
    }
    return line.toString().strip();
  }

  private static boolean isInvisible(char c) {
    return (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t')
        || c == '\u200b'
        || c == '\u2060'
        || c == '\ufeff';
  }

  /** The regular expression class {@code \h}: tab, space and Unicode's horizontal spaces. */
  private static boolean isHorizontalSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\u00a0'
        || c == '\u1680'
        || c == '\u180e'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000';
  }

  private static boolean isBoilerplate(String line) {
    return BOILERPLATE_LINES.stream().anyMatch(kind -> kind.matches(line));
  }

  /**
   * The text of each outermost block, walking the tree once: a block's own blocks belong to its
   * paragraph, so the walk does not descend into it.
   */
  private List<String> htmlParagraphs(Document document) {
    document.select(FURNITURE).remove();
    HtmlLimits.Budget budget = limits.start();
    List<String> paragraphs = new ArrayList<>();
    int[] visited = {0};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (++visited[0] % 1024 == 0) {
              budget.check();
            }
            if (node instanceof Element element
                && element != document.body()
                && element.is(BLOCKS)) {
              paragraphs.add(element.text());
              return FilterResult.SKIP_CHILDREN;
            }
            return FilterResult.CONTINUE;
          }
        },
        document.body());
    if (paragraphs.isEmpty()) {
      paragraphs.addAll(TextLines.of(document.body().wholeText()));
    }
    return paragraphs;
  }
}
