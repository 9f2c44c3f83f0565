package dev.parley.cli.ops;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which records of a topic a reading command takes, with the same options for `tail` and `replay`:
 * where to start in each partition, an exact key and {@code field=value} conditions.
 */
public final class RecordSelection {

  @Option(
      names = "--from",
      defaultValue = "beginning",
      paramLabel = "POSITION",
      description =
          "Where to start in each partition: "
              + LogPosition.SYNTAX
              + " (default ${DEFAULT-VALUE}).")
  LogPosition from;

  @Option(names = "--key", description = "Only records with this key.")
  String key;

  @Option(
      names = "--where",
      paramLabel = "FIELD=VALUE",
      description =
          "Only records whose value has this field value; a dotted path reaches nested fields and any element of an array. Repeatable: all must hold.")
  List<String> where = new ArrayList<>();

  LogPosition from() {
    return from;
  }

  /** The filter of --key and --where, with {@code conditions} that a command adds of its own. */
  RecordFilter filter(List<String> conditions) {
    List<String> all = new ArrayList<>(where);
    all.addAll(conditions);
    return RecordFilter.of(key, all);
  }

  /** --key and --where as arguments, to repeat them in a command that goes on from here. */
  List<String> filterArguments() {
    return RecordFilter.of(key, where).arguments();
  }
}
