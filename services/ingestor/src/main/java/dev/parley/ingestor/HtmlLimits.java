package dev.parley.ingestor;

import dev.parley.common.ServiceConfig;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML parsed within a nesting depth and a time budget. jsoup caps the open elements just past the
 * limit, so a page nested deeper is still parsed in linear time and then refused with a 400 that
 * names the limit; the budget is checked while jsoup reads its input and while the cleaner walks
 * the tree, so a request past its time stops working instead of running on after the client has
 * gone.
 */
record HtmlLimits(int maxDepth, Duration timeLimit) {

  /**
   * The limits of an ingestor that sets none (PARLEY_MAX_HTML_DEPTH, PARLEY_HTML_TIME_LIMIT_MS).
   */
  static final HtmlLimits DEFAULT =
      new HtmlLimits(
          IngestLimits.DEFAULT_MAX_HTML_DEPTH,
          Duration.ofMillis(IngestLimits.DEFAULT_HTML_TIME_LIMIT_MS));

  /** Starts the clock for one body: the parse and the walk share its budget. */
  Budget start() {
    return new Budget(System.nanoTime() + timeLimit.toNanos());
  }

  final class Budget {

    private final long deadline;

    private Budget(long deadline) {
      this.deadline = deadline;
    }

    /**
     * Parses a page or a fragment of one. A fragment is parsed as a page too: its text lands in the
     * body all the same, and jsoup's fragment parser would leave it to be moved there node by node.
     */
    Document parse(String html) {
      return checkDepth(parser().parseInput(reader(html), ""));
    }

    /** Throws once the time budget is spent. */
    void check() {
      if (System.nanoTime() > deadline) {
        throw InvalidInputException.badRequest(
            "The HTML took longer than the "
                + timeLimit.toMillis()
                + " ms allowed to clean ("
                + ServiceConfig.HTML_TIME_LIMIT_MS
                + "); send a simpler page, e.g. only the article's paragraphs.");
      }
    }

    /**
     * jsoup's depth counts the html and body elements too: a few more, so a page past the limit
     * shows as one.
     */
    private Parser parser() {
      return Parser.htmlParser().setMaxDepth(maxDepth + 4);
    }

    private Reader reader(String html) {
      return new StringReader(html) {
        @Override
        public int read(char[] buffer, int offset, int length) throws java.io.IOException {
          check();
          return super.read(buffer, offset, length);
        }
      };
    }

    private Document checkDepth(Document document) {
      int[] deepest = {0};
      NodeTraversor.traverse(
          (NodeVisitor)
              (node, depth) -> {
                if (node instanceof Element && depth > deepest[0]) {
                  deepest[0] = depth;
                }
              },
          document.body());
      if (deepest[0] > maxDepth) {
        throw InvalidInputException.badRequest(
            "The HTML nests elements more than "
                + maxDepth
                + " deep ("
                + ServiceConfig.MAX_HTML_DEPTH
                + "); send the article's paragraphs without the page's deep wrappers.");
      }
      check();
      return document;
    }
  }
}
