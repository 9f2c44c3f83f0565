package dev.parley.extractor.text;

import java.util.Set;

/**
 * A deliberately small suffix stripper: it only has to make inflections of the same verb or noun
 * collide ("cede", "cedes", "ceded", "ceding"; "territory", "territories"), because every lexicon
 * entry is stemmed with the same function. Collisions between unrelated words are harmless as long
 * as lexicon phrases are specific.
 */
public final class Stemmer {

  /** Nouns that would meet a lexicon word without their "e": "planes" are no "plans". */
  private static final Set<String> KEEPS_FINAL_E = Set.of("plane");

  private Stemmer() {}

  /**
   * @param word lower-case word with apostrophes normalised to ASCII
   */
  public static String stem(String word) {
    if (word.length() <= 3 || word.indexOf('.') >= 0) {
      return word;
    }
    String s = stripPlural(word);
    s = stripVerbSuffix(s);
    if (s.length() > 3 && s.endsWith("e") && !KEEPS_FINAL_E.contains(s)) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() > 3 && s.endsWith("y")) {
      s = s.substring(0, s.length() - 1) + "i";
    }
    return undouble(s);
  }

  private static String stripPlural(String s) {
    int n = s.length();
    if ((s.endsWith("ies") || s.endsWith("ied")) && n > 4) {
      return s.substring(0, n - 3) + "y";
    }
    if (s.endsWith("sses")) {
      return s.substring(0, n - 2);
    }
    if (s.endsWith("es") && endsWithSibilant(s.substring(0, n - 2))) {
      return s.substring(0, n - 2);
    }
    if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
      return s.substring(0, n - 1);
    }
    return s;
  }

  private static String stripVerbSuffix(String s) {
    int n = s.length();
    if (s.endsWith("ing") && n >= 6 && hasVowel(s, n - 3)) {
      return s.substring(0, n - 3);
    }
    if (s.endsWith("eed") && n >= 5) {
      return s.substring(0, n - 1); // "agreed" -> "agree", like "agrees" and "agreeing"
    }
    if (s.endsWith("ed") && n >= 5 && hasVowel(s, n - 2)) {
      return s.substring(0, n - 2);
    }
    return s;
  }

  private static boolean endsWithSibilant(String s) {
    return s.endsWith("s")
        || s.endsWith("x")
        || s.endsWith("z")
        || s.endsWith("ch")
        || s.endsWith("sh");
  }

  private static boolean hasVowel(String s, int end) {
    for (int i = 0; i < end; i++) {
      if ("aeiouy".indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Always drops a final doubled consonant, in base forms too ("press" -> "pres"), so that
   * "barred"/"bar" and "compelled"/"compel" meet whichever letter English doubles.
   */
  private static String undouble(String s) {
    int n = s.length();
    if (n >= 3
        && s.charAt(n - 1) == s.charAt(n - 2)
        && Character.isLetter(s.charAt(n - 1))
        && "aeiou".indexOf(s.charAt(n - 1)) < 0) {
      return s.substring(0, n - 1);
    }
    return s;
  }
}
