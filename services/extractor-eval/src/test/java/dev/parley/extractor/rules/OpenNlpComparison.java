package dev.parley.extractor.rules;

import dev.parley.extractor.evaluation.ArticleFolder;
import dev.parley.extractor.evaluation.Evaluation;
import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.text.ArticleText;
import dev.parley.extractor.text.Sentence;
import dev.parley.extractor.text.SentenceSplitter;
import dev.parley.extractor.text.Stemmer;
import dev.parley.extractor.text.Token;
import dev.parley.extractor.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Measures whether Apache OpenNLP's English UD models (sentence detection, tokenisation, POS tags
 * and lemmas) pay for themselves against Parley's own {@link Tokenizer}, {@link SentenceSplitter}
 * and {@link Stemmer}: F1 on the samples and the held-out set, and speed, for each combination,
 * through the very same rules. A benchmark that prints numbers, not a test:
 *
 * <pre>mvn -B -q -pl services/extractor -am test-compile -Popennlp-comparison</pre>
 *
 * <p>OpenNLP's tokens are brought to the conventions the lexicon is written in (possessive "'s"
 * joined to its word, hyphens as tokens of their own); lemmas replace the suffix stripper's input,
 * so "sought" meets "seek" and "drew" meets "draw". Sentences are detected line by line, since a
 * line break ends a sentence in Parley's input either way.
 */
public final class OpenNlpComparison {

  private static final double WARM_UP_SECONDS = 2;
  private static final double MEASURE_SECONDS = 4;

  private final SentenceDetectorME sentences;
  private final TokenizerME tokenizer;
  private final POSTaggerME tagger;
  private final LemmatizerME lemmatizer;

  private OpenNlpComparison() throws IOException {
    sentences =
        new SentenceDetectorME(
            new SentenceModel(model("opennlp-en-ud-ewt-sentence-1.2-2.5.0.bin")));
    tokenizer =
        new TokenizerME(new TokenizerModel(model("opennlp-en-ud-ewt-tokens-1.2-2.5.0.bin")));
    tagger = new POSTaggerME(new POSModel(model("opennlp-en-ud-ewt-pos-1.2-2.5.0.bin")));
    lemmatizer =
        new LemmatizerME(new LemmatizerModel(model("opennlp-en-ud-ewt-lemmas-1.2-2.5.0.bin")));
  }

  /**
   * @param args the extractor module's folder, so the shared samples are found beside the project
   */
  public static void main(String[] args) throws IOException {
    Path module = Path.of(args.length > 0 ? args[0] : ".");
    Path shared = module.resolve("../../../shared").normalize();
    Path heldout = module.resolve("src/test/resources/heldout");
    Map<String, String> samples = read(shared.resolve("articles"));
    Map<String, String> held = read(heldout.resolve("articles"));
    Evaluation sampleGold = Evaluation.loadGold(shared.resolve("eval/dev"));
    Evaluation heldGold = Evaluation.loadGold(heldout.resolve("gold"));
    Ontology ontology = Ontology.loadDefault();
    OpenNlpComparison nlp = new OpenNlpComparison();

    Map<String, Function<String, ArticleAnalysis>> variants = new LinkedHashMap<>();
    variants.put(
        "Parley: own tokens, sentences, stems", text -> new ArticleAnalysis(text, ontology));
    variants.put(
        "OpenNLP sentences", nlp.analysis(ontology, Tokenizer::tokenize, nlp::sentences, false));
    variants.put(
        "OpenNLP tokens + sentences", nlp.analysis(ontology, nlp::tokens, nlp::sentences, false));
    variants.put(
        "OpenNLP POS + lemmas on Parley tokens",
        nlp.analysis(ontology, Tokenizer::tokenize, SentenceSplitter::split, true));
    variants.put(
        "OpenNLP tokens + sentences + POS + lemmas",
        nlp.analysis(ontology, nlp::tokens, nlp::sentences, true));

    List<String> words = new ArrayList<>(samples.values());
    double wordsPerArticle =
        words.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0);
    System.out.printf(
        "%d samples (%.0f words each), %d held-out articles; one thread%n",
        samples.size(), wordsPerArticle, held.size());
    System.out.printf(
        "%-42s %-22s %-22s %10s %12s %10s%n",
        "variant", "samples P/R/F1", "held-out P/R/F1", "articles/s", "800-word/s", "median ms");
    // Every variant runs once before any is timed, so none is measured while the JIT still compiles
    // shared code.
    variants.values().forEach(v -> run(words, v, WARM_UP_SECONDS, null));
    for (Map.Entry<String, Function<String, ArticleAnalysis>> v : variants.entrySet()) {
      Evaluation.Report s = sampleGold.score(extract(samples, v.getValue()));
      Evaluation.Report h = heldGold.score(extract(held, v.getValue()));
      double[] speed = speed(words, v.getValue());
      System.out.printf(
          "%-42s %-22s %-22s %10.0f %12.0f %10.3f%n",
          v.getKey(), prf(s), prf(h), speed[0], speed[0] * wordsPerArticle / 800, speed[1]);
    }
  }

  private static String prf(Evaluation.Report r) {
    return String.format(Locale.ROOT, "%.3f/%.3f/%.3f", r.precision(), r.recall(), r.f1());
  }

  private static Map<String, List<ExtractedPosition>> extract(
      Map<String, String> articles, Function<String, ArticleAnalysis> analyse) {
    Map<String, List<ExtractedPosition>> found = new LinkedHashMap<>();
    articles.forEach((name, text) -> found.put(name, PositionFinder.find(analyse.apply(text))));
    return found;
  }

  /** Articles per second and the median milliseconds per article. */
  private static double[] speed(List<String> texts, Function<String, ArticleAnalysis> analyse) {
    long[] times = new long[2_000_000];
    int n = run(texts, analyse, MEASURE_SECONDS, times);
    long[] sorted = Arrays.copyOf(times, n);
    Arrays.sort(sorted);
    double total = Arrays.stream(sorted).sum() / 1e9;
    return new double[] {n / total, sorted[n / 2] / 1e6};
  }

  private static int run(
      List<String> texts, Function<String, ArticleAnalysis> analyse, double seconds, long[] times) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    int n = 0;
    while (System.nanoTime() < end && (times == null || n < times.length)) {
      long start = System.nanoTime();
      PositionFinder.find(analyse.apply(texts.get(n % texts.size())));
      if (times != null) {
        times[n] = System.nanoTime() - start;
      }
      n++;
    }
    return n;
  }

  /**
   * Sentences line by line, as token ranges; a paragraph is a non-empty line, as in {@link
   * SentenceSplitter}.
   */
  private List<Sentence> sentences(String text, List<Token> tokens) {
    List<Sentence> result = new ArrayList<>();
    int lineStart = 0;
    int paragraph = 0;
    int next = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      String line = text.substring(lineStart, lineEnd);
      boolean any = false;
      for (Span span : sentences.sentPosDetect(line)) {
        int from = next;
        while (from < tokens.size() && tokens.get(from).start() < lineStart + span.getStart()) {
          from++;
        }
        int to = from;
        while (to < tokens.size() && tokens.get(to).start() < lineStart + span.getEnd()) {
          to++;
        }
        if (to > from) {
          result.add(
              new Sentence(
                  from, to, tokens.get(from).start(), tokens.get(to - 1).end(), paragraph));
          any = true;
        }
        next = to;
      }
      paragraph += any ? 1 : 0;
      lineStart = lineEnd + 1;
    }
    return result;
  }

  /** OpenNLP's tokens in the lexicon's conventions: "'s" joins its word, hyphens stand alone. */
  private List<Token> tokens(String text) {
    List<Token> result = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      for (Span span : tokenizer.tokenizePos(text.substring(lineStart, lineEnd))) {
        int start = lineStart + span.getStart();
        int end = lineStart + span.getEnd();
        String raw = text.substring(start, end);
        Token previous = result.isEmpty() ? null : result.get(result.size() - 1);
        boolean possessive = raw.equalsIgnoreCase("'s") || raw.equalsIgnoreCase("’s");
        if (possessive && previous != null && previous.word() && previous.end() == start) {
          result.set(
              result.size() - 1,
              new Token(
                  previous.text(),
                  previous.lower(),
                  previous.stem(),
                  previous.start(),
                  end,
                  true,
                  true,
                  previous.allCaps(),
                  previous.attached()));
          continue;
        }
        int piece = start;
        for (int i = start; i <= end; i++) {
          boolean hyphen = i < end && text.charAt(i) == '-' && i > start && i + 1 < end;
          if (i == end || hyphen) {
            result.add(token(text, piece, i, result));
            if (hyphen) {
              result.add(token(text, i, i + 1, result));
              piece = i + 1;
            }
          }
        }
      }
      lineStart = lineEnd + 1;
    }
    return result;
  }

  private static Token token(String text, int start, int end, List<Token> before) {
    String raw = text.substring(start, end);
    String lower = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
    boolean word = Character.isLetterOrDigit(raw.charAt(0));
    boolean attached = !before.isEmpty() && before.get(before.size() - 1).end() == start;
    long letters = raw.chars().filter(Character::isLetter).count();
    boolean allCaps =
        word
            && letters >= 2
            && raw.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    return new Token(
        raw, lower, word ? Stemmer.stem(lower) : lower, start, end, false, word, allCaps, attached);
  }

  /** The same tokens, stemmed from their lemma: "sought" is stemmed as "seek". */
  private List<Token> lemmatised(List<Token> tokens, List<Sentence> split) {
    List<Token> result = new ArrayList<>(tokens);
    for (Sentence s : split) {
      String[] words = new String[s.to() - s.from()];
      for (int i = s.from(); i < s.to(); i++) {
        words[i - s.from()] = tokens.get(i).text();
      }
      String[] lemmas = lemmatizer.lemmatize(words, tagger.tag(words));
      for (int i = s.from(); i < s.to(); i++) {
        Token t = tokens.get(i);
        String lemma = lemmas[i - s.from()];
        if (t.word() && lemma != null && !lemma.equals("O") && !lemma.equals("_")) {
          String stem = Stemmer.stem(lemma.toLowerCase(Locale.ROOT).replace('’', '\''));
          result.set(
              i,
              new Token(
                  t.text(),
                  t.lower(),
                  stem,
                  t.start(),
                  t.end(),
                  t.possessive(),
                  t.word(),
                  t.allCaps(),
                  t.attached()));
        }
      }
    }
    return result;
  }

  /**
   * Analyses a text with the given tokeniser and sentence splitter, with OpenNLP's part-of-speech
   * tags and lemmas on the tokens when {@code lemmas}.
   */
  private Function<String, ArticleAnalysis> analysis(
      Ontology ontology,
      Function<String, List<Token>> tokenizer,
      BiFunction<String, List<Token>, List<Sentence>> splitter,
      boolean lemmas) {
    return text -> {
      List<Token> tokens = tokenizer.apply(text);
      List<Sentence> split = splitter.apply(text, tokens);
      return new ArticleAnalysis(
          text, ontology, lemmas ? lemmatised(tokens, split) : tokens, split);
    };
  }

  private static Map<String, String> read(Path folder) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    ArticleFolder.read(folder)
        .forEach(
            (name, article) -> texts.put(name, ArticleText.of(article.headline(), article.body())));
    return texts;
  }

  private static InputStream model(String resource) throws IOException {
    InputStream in = OpenNlpComparison.class.getResourceAsStream("/" + resource);
    if (in == null) {
      throw new IOException(
          resource + " is not on the test classpath (the opennlp-models-*-en test dependencies)");
    }
    return in;
  }
}
