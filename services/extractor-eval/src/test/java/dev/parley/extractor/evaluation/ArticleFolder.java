package dev.parley.extractor.evaluation;

import dev.parley.ingestor.CleanArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of plain-text articles (first line the headline), cleaned as the ingestor cleans them.
 */
public final class ArticleFolder {

  private ArticleFolder() {}

  /**
   * @return the articles of the folder's .txt files by file name, in name order
   */
  public static Map<String, CleanArticle> read(Path folder) throws IOException {
    Map<String, CleanArticle> articles = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        articles.put(
            file.getFileName().toString(),
            CleanArticle.fromPlainText(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    return articles;
  }
}
