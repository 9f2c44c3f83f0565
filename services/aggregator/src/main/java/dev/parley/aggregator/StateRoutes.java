package dev.parley.aggregator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.PositionState;
import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code GET /state}: every position; {@code GET /state/{negotiation}/{actor}/{issue}}: one;
 * {@code GET /events}: server-sent events, one {@code position} event per change of the state topic,
 * with the change's topic coordinates as event id.
 */
final class StateRoutes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PositionStateView view;

  StateRoutes(PositionStateView view) {
    this.view = view;
  }

  void register(JavalinConfig config) {
    config.routes.get("/state", ctx -> {
      List<Map<String, Object>> positions = view.states().entrySet().stream()
          .map(e -> StateJson.position(e.getKey(), e.getValue())).toList();
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("count", positions.size());
      answer.put("positions", positions);
      ctx.json(answer);
    });
    config.routes.get("/state/{negotiation}/{actor}/{issue}", ctx -> {
      String key = PositionKey.of(ctx.pathParam("negotiation"), ctx.pathParam("actor"), ctx.pathParam("issue"));
      PositionState state = view.states().get(key);
      if (state == null) {
        ctx.status(404).json(Map.of("error", "No article states position " + key + "; GET /state lists the known ones."));
      } else {
        ctx.json(StateJson.position(key, state));
      }
    });
    config.routes.sse("/events", this::stream);
  }

  private void stream(SseClient client) {
    client.keepAlive();
    Consumer<StateChange> listener = change -> {
      if (!client.terminated()) {
        client.sendEvent("position", json(StateJson.change(change)), change.eventId());
      }
    };
    client.onClose(() -> view.unsubscribe(listener));
    view.subscribe(listener);
    client.sendComment("subscribed");
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A state change could not be written as JSON", e);
    }
  }
}
