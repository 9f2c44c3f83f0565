package dev.parley.cli.ops;

import java.util.List;
import java.util.stream.Collectors;

/** A command line a person can paste into a POSIX shell as it is. */
final class ShellWords {

  private ShellWords() {}

  static String join(List<String> words) {
    return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }

  static String quote(String word) {
    return word.matches("[A-Za-z0-9._:/=,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
