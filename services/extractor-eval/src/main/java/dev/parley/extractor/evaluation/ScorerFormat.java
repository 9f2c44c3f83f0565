package dev.parley.extractor.evaluation;

import dev.parley.extractor.rules.ExtractedPosition;
import java.util.LinkedHashMap;
import java.util.Map;

/** One extracted position as a JSON-lines record in the format shared/eval/score reads. */
public final class ScorerFormat {

  private ScorerFormat() {}

  public static Map<String, Object> line(String articleFileName, ExtractedPosition p) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("article", articleFileName);
    line.put("actor", p.actor());
    line.put("issue", p.issue());
    line.put("stance", p.stance());
    line.put("confidence", p.confidence());
    line.put("evidence", p.sentence());
    line.put("start", p.start());
    line.put("end", p.end());
    line.put("cue", p.cue());
    line.put("speaker", p.speaker());
    return line;
  }
}
