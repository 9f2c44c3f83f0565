package dev.parley.cli.bench;

import dev.parley.cli.ArticleFiles;
import dev.parley.cli.IngestorClient;
import dev.parley.cli.ParleyMain;
import dev.parley.cli.ops.AppStatus;
import dev.parley.cli.ops.ProgressBar;
import dev.parley.cli.ops.StreamsApp;
import dev.parley.ingestor.CleanArticle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "throughput",
    mixinStandardHelpOptions = true,
    description =
        "Pushes generated articles (a few hot positions get most of them, some are copies of wire stories) through the "
            + "ingestor as NDJSON batches and prints, for each history size (1k, 10k, 100k, up to --articles), the acknowledged "
            + "and end-to-end articles/s (until the aggregator has processed everything), each stage's records/s and CPU seconds, "
            + "and the process RSS. Starts its own local stack in a temporary folder unless --ingestor and --aggregator name "
            + "running ones (then CPU and RSS are not measured, and KAFKA_BOOTSTRAP_SERVERS must name their cluster). "
            + "Progress goes to stderr.",
    footer = {
      "",
      "Examples:",
      "  ./parley bench throughput --articles 10000",
      "  ./parley bench throughput",
      "  KAFKA_BOOTSTRAP_SERVERS=localhost:9092 ./parley bench throughput --articles 10000 "
          + "--ingestor http://localhost:8080 --aggregator http://localhost:8090"
    })
final class ThroughputBench implements Callable<Integer> {

  private static final int[] HISTORY_SIZES = {1_000, 10_000, 100_000};
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

  @Option(
      names = "--articles",
      defaultValue = "100000",
      description = "How many articles in all (default ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--batch",
      defaultValue = "500",
      description = "Articles per NDJSON batch (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--senders",
      defaultValue = "1",
      description =
          "Batches in flight at once, as that many feeds pushing together; each sends its next batch once its last one "
              + "is acknowledged (default ${DEFAULT-VALUE}).")
  int senders;

  @Mixin BenchTarget target;

  @Override
  public Integer call() throws Exception {
    if (count < 1 || batch < 1 || senders < 1) {
      throw new IllegalArgumentException("--articles, --batch and --senders must be at least 1.");
    }
    return target.measure(
        "throughput",
        (ingestor, aggregator, kafka, local) ->
            measure(ingestor, kafka, local == null ? null : new StageMeter()));
  }

  /**
   * {@code meter}: null when the stack runs elsewhere, so its CPU and memory cannot be read from
   * here.
   */
  private int measure(IngestorClient client, String bootstrapServers, StageMeter meter)
      throws Exception {
    List<CleanArticle> samples = new ArrayList<>();
    for (Path file : ArticleFiles.list(List.of(ParleyMain.home().resolve("../shared/articles")))) {
      samples.add(ArticleFiles.read(file));
    }
    BenchArticles articles = new BenchArticles(samples, 42);
    List<Integer> ends =
        new ArrayList<>(IntStream.of(HISTORY_SIZES).filter(size -> size < count).boxed().toList());
    ends.add(count);
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    PrintWriter err = new PrintWriter(System.err, true);
    try (Admin kafka = Admin.create(admin)) {
      List<StreamsApp> apps = StreamsApp.defaults();
      System.out.println(
          "history | articles | ack/s | end-to-end/s | extractor articles/s, CPU s | aggregator contributions/s, "
              + "CPU s, CPU ms/article | RSS MB");
      int done = 0;
      for (int end : ends) {
        int size = end - done;
        StageMeter.Reading before = meter == null ? null : meter.read(kafka);
        long start = System.nanoTime();
        ProgressBar progress = ProgressBar.on(err, "push up to " + end, "articles");
        long ackNanos = BatchSenders.push(client, articles::next, size, batch, senders, progress);
        awaitProcessed(kafka, apps, err);
        double seconds = (System.nanoTime() - start) / 1e9;
        done = end;
        String stages =
            meter == null
                ? String.format("%,.0f, - | -, -, - | -", size / seconds)
                : meter.read(kafka).since(before, size, seconds);
        System.out.printf(
            "%,d | %,d | %,.0f | %,.0f | %s%n",
            end, size, size / (ackNanos / 1e9), size / seconds, stages);
      }
    }
    return 0;
  }

  private static void awaitProcessed(Admin kafka, List<StreamsApp> apps, PrintWriter err)
      throws InterruptedException {
    ProgressBar progress = ProgressBar.on(err, "processing", "records");
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    long mostLag = 0;
    while (true) {
      long lag = 0;
      // upstream first: once the extractor has no lag, all its output is in the aggregator's end
      // offsets
      for (StreamsApp app : apps) {
        lag += AppStatus.of(kafka, app).lag();
      }
      mostLag = Math.max(mostLag, lag);
      if (lag == 0) {
        progress.finish(mostLag, mostLag, "all processed");
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The pipeline still had "
                + lag
                + " records to process after "
                + CATCH_UP_TIMEOUT.toMinutes()
                + " minutes; see `./parley topics` and the services' logs.");
      }
      String left = String.format("%,d left", lag);
      progress.update(mostLag - lag, mostLag, () -> left);
      Thread.sleep(200);
    }
  }
}
