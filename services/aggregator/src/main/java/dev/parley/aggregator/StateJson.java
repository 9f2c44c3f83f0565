package dev.parley.aggregator;

import dev.parley.avro.LatestEvidence;
import dev.parley.avro.PositionState;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a position's state in the HTTP API and the SSE stream. */
final class StateJson {

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
    json.put("lastSeen", s.getLastSeen().toString());
    json.put("articleCount", s.getArticleCount());
    json.put("sourceCount", s.getSourceCount());
    json.put("agreeingArticles", s.getAgreeingArticles());
    json.put("dissentingArticles", s.getDissentingArticles());
    json.put("latest", evidence(s.getLatest()));
    json.put("updatedBy", s.getUpdatedBy());
    return json;
  }

  static Map<String, Object> change(StateChange change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", change.key());
    json.put("removed", change.state() == null);
    json.put("position", change.state() == null ? null : position(change.key(), change.state()));
    return json;
  }

  private static Map<String, Object> evidence(LatestEvidence e) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("articleId", e.getArticleId());
    json.put("source", e.getSource());
    json.put("url", e.getUrl());
    json.put("headline", e.getHeadline());
    json.put("publishedAt", e.getPublishedAt().toString());
    json.put("stance", e.getStance());
    json.put("sentence", e.getSentence());
    return json;
  }
}
