package dev.parley.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.ArticleRef;
import dev.parley.avro.PositionChange;
import dev.parley.avro.PositionState;
import dev.parley.avro.StanceChange;
import dev.parley.avro.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of positions, changes and gaps in the HTTP API and the SSE stream. */
final class StateJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StateJson() {}

  static Map<String, Object> position(String key, PositionState s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", key);
    json.put("negotiation", s.getNegotiation());
    json.put("actor", s.getActor());
    json.put("issue", s.getIssue());
    json.put("stance", s.getStance());
    json.put("confidence", s.getConfidence());
    json.put("since", s.getSince().toString());
    json.put("firstSeen", s.getFirstSeen().toString());
    json.put("lastSeen", s.getLastSeen().toString());
    json.put("articleCount", s.getArticleCount());
    json.put("sourceCount", s.getSourceCount());
    json.put("independentSources", s.getIndependentSources());
    json.put("agreeingArticles", s.getAgreeingArticles());
    json.put("dissentingArticles", s.getDissentingArticles());
    json.put("trend", s.getTrend().name().toLowerCase());
    json.put("disputed", s.getDisputed());
    json.put("evidence", s.getEvidence().stream().map(StateJson::statement).toList());
    json.put("history", s.getHistory().stream().map(StateJson::historyEntry).toList());
    return json;
  }

  static Map<String, Object> change(StateChange stateChange) {
    PositionChange c = stateChange.change();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", stateChange.key());
    json.put("partition", stateChange.partition());
    json.put("offset", stateChange.offset());
    json.put("kind", c.getKind().name().toLowerCase());
    json.put("before", c.getBefore() == null ? null : position(stateChange.key(), c.getBefore()));
    json.put("after", c.getAfter() == null ? null : position(stateChange.key(), c.getAfter()));
    json.put("causedBy", article(c.getCausedBy()));
    json.put("retracted", c.getRetracted());
    json.put("detectedAt", c.getDetectedAt().toString());
    return json;
  }

  static Map<String, Object> gap(IssueGap gap) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("negotiation", gap.negotiation());
    json.put("issue", gap.issue());
    json.put("spread", gap.spread());
    json.put("stances", gap.stances());
    json.put("lowest", gap.lowest());
    json.put("highest", gap.highest());
    return json;
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A state change could not be written as JSON", e);
    }
  }

  static String quote(String text) {
    return write(text);
  }

  private static Map<String, Object> statement(Statement s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("articleId", s.getArticleId());
    json.put("source", s.getSource());
    json.put("url", s.getUrl());
    json.put("headline", s.getHeadline());
    json.put("publishedAt", s.getPublishedAt().toString());
    json.put("stance", s.getStance());
    json.put("confidence", s.getConfidence());
    json.put("sentence", s.getSentence());
    json.put("story", s.getStory());
    return json;
  }

  private static Map<String, Object> historyEntry(StanceChange h) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", h.getAt().toString());
    json.put("stance", h.getStance());
    json.put("articleId", h.getArticleId());
    json.put("source", h.getSource());
    return json;
  }

  private static Map<String, Object> article(ArticleRef a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("articleId", a.getArticleId());
    json.put("source", a.getSource());
    json.put("url", a.getUrl());
    json.put("headline", a.getHeadline());
    json.put("publishedAt", a.getPublishedAt().toString());
    return json;
  }

  static List<Map<String, Object>> positions(Map<String, PositionState> states) {
    return states.entrySet().stream().map(e -> position(e.getKey(), e.getValue())).toList();
  }
}
