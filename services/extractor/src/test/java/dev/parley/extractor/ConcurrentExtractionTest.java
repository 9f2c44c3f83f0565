package dev.parley.extractor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.extractor.ontology.Ontology;
import dev.parley.extractor.rules.ExtractedPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One extractor serves every stream thread: concurrent calls must give the same result as a single
 * one.
 */
class ConcurrentExtractionTest {

  private static final PositionExtractor EXTRACTOR = new PositionExtractor(Ontology.loadDefault());

  /** ~800 words mixing stance sentences, quotes, lists and filler, like a real report. */
  static String article() {
    String[] paragraphs = {
      "Russian President Vladimir Putin said on Tuesday that the U.S. proposal could serve as a basis for talks, "
          + "but the Kremlin insists that Ukraine withdraw from the rest of Donetsk and abandon its bid to join NATO.",
      "“We will never accept territorial concessions,” Zelenskyy told reporters in Kyiv, adding that security "
          + "guarantees from Western partners remain essential for any ceasefire along the current front line.",
      "European leaders pushed for the use of frozen Russian assets, while Washington signalled it was open to "
          + "easing sanctions if Moscow agreed to a truce. Analysts say neither side is likely to move soon.",
      "The meeting, which lasted five hours, followed weeks of shuttle diplomacy between capitals and a flurry "
          + "of phone calls among officials who declined to be named because the talks were confidential."
    };
    StringBuilder body = new StringBuilder();
    while (body.toString().split("\\s+").length < 800) {
      for (String p : paragraphs) {
        body.append(p).append('\n');
      }
    }
    return body.toString();
  }

  @Test
  void concurrentCallsGiveTheSameResult() throws Exception {
    String body = article();
    List<ExtractedPosition> expected = EXTRACTOR.extract("Talks", body);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ExtractedPosition>>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> EXTRACTOR.extract("Talks", body)));
      }
      for (Future<List<ExtractedPosition>> r : results) {
        assertEquals(expected, r.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
