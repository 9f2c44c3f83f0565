package dev.parley.extractor.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The party (or parties) a stance is attributed to, the words that named them and how the
 * attribution was made, which sets how much it can be trusted.
 */
record Holder(List<String> actors, String words, int token, Kind kind) {

  /** The parties of both lists, each once, in order: "Washington and Kyiv". */
  static List<String> joined(List<String> first, List<String> more) {
    List<String> all = new ArrayList<>(first);
    more.stream().filter(id -> !all.contains(id)).forEach(all::add);
    return List.copyOf(all);
  }

  boolean isDocument() {
    return kind == Kind.DOCUMENT || kind == Kind.REFERRED_DOCUMENT;
  }

  enum Kind {
    /** Grammatical subject, possessor ("Moscow's demands") or agent ("rejected by Kyiv"). */
    EXPLICIT(1.0),
    /** "he", "they", "it" resolved to an earlier mention. */
    PRONOUN(0.85),
    /**
     * Subject of the main clause carried over to a participle: "X warned ..., cautioning against".
     */
    PARTICIPLE(0.85),
    /** A party's own plan or draft: "Kyiv's plan calls for", "the Russian document insists". */
    DOCUMENT(0.85),
    /** "the draft", "the document": the party whose document the article last named. */
    REFERRED_DOCUMENT(0.7),
    /** Speaker of the surrounding quotation, or "according to X", or a trailing "X said". */
    ATTRIBUTION(0.8);

    final double trust;

    Kind(double trust) {
      this.trust = trust;
    }
  }
}
