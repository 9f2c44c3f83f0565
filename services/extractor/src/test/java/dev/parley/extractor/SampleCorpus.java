package dev.parley.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The shared sample articles and their gold positions, the predictions file the Python scorer
 * reads, and the same micro precision/recall the scorer computes.
 */
final class SampleCorpus {

    /** /work/shared seen from the module directory, where Maven runs tests. */
    static final Path SHARED = Path.of("../../../shared");
    static final Path ARTICLES = SHARED.resolve("articles");
    static final Path GOLD = SHARED.resolve("eval/dev");

    private static final ObjectMapper JSON = new ObjectMapper();

    record Prediction(String article, ExtractedPosition position) {
        String key() {
            return article + '|' + position.actor() + '|' + position.issue() + '|' + Integer.signum(position.stance());
        }
    }

    record Score(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        @Override
        public String toString() {
            return String.format("precision=%.3f recall=%.3f tp=%d fp=%d fn=%d", precision(), recall(), tp, fp, fn);
        }
    }

    private SampleCorpus() {
    }

    static boolean available() {
        return Files.isDirectory(ARTICLES) && Files.isDirectory(GOLD);
    }

    /** Article file name to its text. */
    static Map<String, ArticleText> articles() {
        Map<String, ArticleText> articles = new TreeMap<>();
        try (Stream<Path> files = Files.list(ARTICLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                articles.put(f.getFileName().toString(), ArticleText.parseFile(Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    static List<Prediction> predict(PositionExtractor extractor) {
        List<Prediction> predictions = new ArrayList<>();
        articles().forEach((name, article) -> extractor.extract(article.headline(), article.body())
                .forEach(p -> predictions.add(new Prediction(name, p))));
        return predictions;
    }

    /** Writes the JSON lines {@code /work/shared/eval/score} reads. */
    static void write(List<Prediction> predictions, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder out = new StringBuilder();
        for (Prediction p : predictions) {
            ExtractedPosition x = p.position();
            ObjectNode line = JSON.createObjectNode()
                    .put("article", p.article()).put("actor", x.actor()).put("issue", x.issue())
                    .put("stance", x.stance()).put("confidence", x.confidence()).put("evidence", x.sentence())
                    .put("cue", x.cue()).put("speaker", x.speaker()).put("start", x.start()).put("end", x.end());
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    /** Micro precision/recall over (article, actor, issue, sign) triples, as the Python scorer counts. */
    static Score score(List<Prediction> predictions) {
        Set<String> predicted = new HashSet<>();
        predictions.forEach(p -> predicted.add(p.key()));
        Set<String> allowed = new HashSet<>();
        Set<String> required = new HashSet<>();
        Set<String> goldArticles = new HashSet<>();
        try (Stream<Path> files = Files.list(GOLD)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode gold = JSON.readTree(f.toFile());
                String article = gold.get("article").asText();
                goldArticles.add(article);
                for (JsonNode g : gold.get("positions")) {
                    String key = article + '|' + g.get("actor").asText() + '|' + g.get("issue").asText() + '|'
                            + Integer.signum(g.get("stance").asInt());
                    allowed.add(key);
                    if (!g.path("optional").asBoolean(false)) {
                        required.add(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int tp = 0;
        int fp = 0;
        for (String key : predicted) {
            if (!goldArticles.contains(key.substring(0, key.indexOf('|')))) {
                continue;
            }
            if (allowed.contains(key)) {
                tp++;
            } else {
                fp++;
            }
        }
        int fn = (int) required.stream().filter(k -> !predicted.contains(k)).count();
        return new Score(tp, fp, fn);
    }
}
