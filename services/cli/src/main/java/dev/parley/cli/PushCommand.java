package dev.parley.cli;

import dev.parley.cli.local.LocalFeedKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description =
        "Sends article files to a running ingestor: .txt (first line is the headline), .json, .html, or .ndjson batches.",
    footer = {
      "",
      "Examples:",
      "  ./parley push ../shared/articles/000_e00821f54f7c2d2a.txt",
      "  ./parley push --source reuters --ingestor http://ingest.example:8080 today/*.json"
    })
final class PushCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Article files, or folders of them.")
  List<Path> files;

  @Option(
      names = "--ingestor",
      defaultValue = "${env:PARLEY_INGESTOR_URL:-http://localhost:8080}",
      description = "The ingestor's URL (env PARLEY_INGESTOR_URL; default ${DEFAULT-VALUE}).")
  URI ingestor;

  @Option(names = "--source", description = "Outlet of the articles; default: each file's name.")
  String source;

  @Option(
      names = "--feed-key",
      defaultValue = "${env:" + IngestorClient.FEED_KEY + "}",
      description =
          "The feed's key (env "
              + IngestorClient.FEED_KEY
              + "; default: the key a local `parley up` keeps in its data dir).")
  String feedKey;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:PARLEY_DATA_DIR}",
      description =
          "Data dir of the local `parley up` whose key to use (env PARLEY_DATA_DIR; default: .parley in the project).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    String key =
        feedKey != null ? feedKey : LocalFeedKey.read(ParleyMain.dataDir(dataDir)).orElse(null);
    if (key == null) {
      System.err.printf(
          "No feed key: give --feed-key or set %s (`./parley up` prints its local key); the ingestor will refuse the files.%n",
          IngestorClient.FEED_KEY);
    }
    IngestorClient client = new IngestorClient(ingestor, key);
    List<Path> all = ArticleFiles.list(files);
    int failed = 0;
    for (int i = 0; i < all.size(); i++) {
      Path file = all.get(i);
      try {
        List<String> ids = client.push(file, source);
        System.out.printf("[%d/%d] %s -> %s%n", i + 1, all.size(), file, String.join(", ", ids));
      } catch (java.io.IOException e) {
        failed++;
        System.err.printf("[%d/%d] %s%n", i + 1, all.size(), e.getMessage());
      }
    }
    if (failed > 0) {
      System.err.printf(
          "%d of %d files were not accepted; fix them and push those again.%n", failed, all.size());
    }
    return failed == 0 ? 0 : 1;
  }
}
