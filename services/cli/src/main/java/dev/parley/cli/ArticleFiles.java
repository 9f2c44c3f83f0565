package dev.parley.cli;

import dev.parley.extractor.PositionExtractor;
import dev.parley.extractor.rules.ExtractedPosition;
import dev.parley.ingestor.CleanArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Article files given on the command line: files, or folders of them, in name order. */
public final class ArticleFiles {

  private ArticleFiles() {}

  public static List<Path> list(List<Path> given) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : given) {
      if (Files.isDirectory(path)) {
        try (var listing = Files.list(path)) {
          listing.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IOException(path + " is neither a file nor a folder of article files.");
      }
    }
    return files;
  }

  /** A plain-text article file, cleaned as the ingestor cleans it. */
  public static CleanArticle read(Path file) throws IOException {
    return CleanArticle.fromPlainText(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The positions of each article, keyed by file name, in file order. */
  static Map<String, List<ExtractedPosition>> extract(List<Path> given, PositionExtractor extractor)
      throws IOException {
    Map<String, List<ExtractedPosition>> positions = new LinkedHashMap<>();
    for (Path file : list(given)) {
      CleanArticle article = read(file);
      positions.put(
          file.getFileName().toString(), extractor.extract(article.headline(), article.body()));
    }
    return positions;
  }
}
