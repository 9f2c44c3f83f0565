package dev.parley.cli;

import dev.parley.cli.bench.BenchCommand;
import dev.parley.cli.ops.LogPosition;
import dev.parley.cli.ops.ReplayCommand;
import dev.parley.cli.ops.ReprocessCommand;
import dev.parley.cli.ops.TailCommand;
import dev.parley.cli.ops.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `parley` command. */
@Command(
    name = "parley",
    mixinStandardHelpOptions = true,
    version = "parley 0.1.0",
    description =
        "Reads the news as it arrives and keeps a live, evidence-backed map of who stands where in a negotiation.",
    subcommands = {
      UpCommand.class,
      PushCommand.class,
      ExtractCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      TailCommand.class,
      TopicsCommand.class,
      ReplayCommand.class,
      ReprocessCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  ./parley up --demo            local Kafka, registry and services, then the five sample articles",
      "  ./parley push article.txt     send an article to a running ingestor",
      "  ./parley extract ../shared/articles/*.txt | ../shared/eval/score ../shared/eval/dev",
      "  ./parley bench extract        extraction speed on one core",
      "  ./parley tail parley.position-state --from end -f   follow the state changes as JSON",
      "  ./parley topics               topics, end offsets and each app's lag",
      "  ./parley replay parley.articles --from now-6h       how many articles a replay would move (--execute moves them)",
      "  ./parley reprocess --from beginning --stop-apps --execute   re-extract everything after an ontology change"
    })
public final class ParleyMain {

  /** Set, failures print their stack trace too. */
  static final String DEBUG = "PARLEY_DEBUG";

  private ParleyMain() {}

  public static void main(String[] args) {
    System.exit(
        commandLine(new ParleyMain())
            .setExecutionExceptionHandler(ParleyMain::report)
            .execute(args));
  }

  /**
   * A command as `parley` runs it: every {@link LogPosition} option reads the positions' syntax.
   */
  public static CommandLine commandLine(Object command) {
    return new CommandLine(command)
        .registerConverter(LogPosition.class, new LogPosition.Converter());
  }

  /**
   * Failures reach users as one line that says what went wrong; PARLEY_DEBUG=1 adds the stack
   * trace.
   */
  private static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    boolean debug = System.getenv(DEBUG) != null;
    if (debug) {
      e.printStackTrace();
    }
    command
        .getErr()
        .println(
            "parley "
                + command.getCommandName()
                + ": "
                + (e.getMessage() != null ? e.getMessage() : e.toString())
                + (debug ? "" : "  (" + DEBUG + "=1 shows the details)"));
    return 1;
  }

  /** The project folder the launcher runs from; defaults are relative to it. */
  /** The data dir chosen, or the local default's: .parley in the project. */
  static java.nio.file.Path dataDir(java.nio.file.Path chosen) {
    return chosen != null ? chosen : home().resolve(".parley");
  }

  public static java.nio.file.Path home() {
    return java.nio.file.Path.of(System.getProperty("parley.home", "."))
        .toAbsolutePath()
        .normalize();
  }
}
