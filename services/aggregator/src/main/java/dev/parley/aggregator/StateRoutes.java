package dev.parley.aggregator;

import dev.parley.avro.PositionState;
import dev.parley.common.KafkaSettings;
import dev.parley.registry.SchemaRegistryClient;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The state API. Snapshots: {@code GET /state} (everything), {@code /state/{negotiation}}, {@code
 * /state/{negotiation}/issues/{issue}} (with the gap between the parties) and {@code
 * /state/{negotiation}/positions/{actor}/{issue}} (one position with its evidence and history).
 * Changes: {@code GET /changes} (the most recent ones) and {@code GET /events} (server-sent events,
 * resumable with Last-Event-ID, to at most PARLEY_SSE_MAX_SUBSCRIBERS clients). Every snapshot
 * carries the {@code eventId} it was taken at: subscribing from it ({@code
 * /events?lastEventId=...}) misses nothing.
 */
final class StateRoutes {

  private final PositionStateView view;
  private final KafkaSettings kafka;
  private final SchemaRegistryClient registry;
  private final SseSubscribers subscribers;

  StateRoutes(
      PositionStateView view,
      KafkaSettings kafka,
      SchemaRegistryClient registry,
      int maxSubscribers) {
    this.view = view;
    this.kafka = kafka;
    this.registry = registry;
    this.subscribers = new SseSubscribers(maxSubscribers, this::subscription);
  }

  void register(JavalinConfig javalin) {
    javalin.routes.get("/state", ctx -> ctx.json(snapshot(view.snapshot(), p -> true)));
    javalin.routes.get(
        "/state/{negotiation}",
        ctx -> {
          String negotiation = ctx.pathParam("negotiation");
          answer(
              ctx,
              snapshot(view.snapshot(), p -> p.getNegotiation().equals(negotiation)),
              "negotiation " + negotiation);
        });
    javalin.routes.get(
        "/state/{negotiation}/issues/{issue}",
        ctx -> {
          String negotiation = ctx.pathParam("negotiation");
          String issue = ctx.pathParam("issue");
          answer(
              ctx,
              snapshot(
                  view.snapshot(),
                  p -> p.getNegotiation().equals(negotiation) && p.getIssue().equals(issue)),
              "issue " + negotiation + "/" + issue);
        });
    javalin.routes.get(
        "/state/{negotiation}/positions/{actor}/{issue}",
        ctx -> {
          String key =
              PositionKey.of(
                  ctx.pathParam("negotiation"), ctx.pathParam("actor"), ctx.pathParam("issue"));
          PositionState state = view.state(key);
          if (state == null) {
            notFound(ctx, "position " + key);
          } else {
            ctx.json(StateJson.position(key, state));
          }
        });
    javalin.routes.get(
        "/changes",
        ctx -> {
          int limit =
              ctx.queryParamAsClass("limit", Integer.class)
                  .check(n -> n > 0, "limit must be a positive number")
                  .getOrDefault(50);
          List<StateChange> recent = view.recentChanges();
          ctx.contentType(ContentType.APPLICATION_JSON)
              .result(
                  StateJson.changes(
                      recent.subList(Math.max(0, recent.size() - limit), recent.size())));
        });
    javalin.routes.get("/events", subscribers::serve);
    // subscribers first: one left writing to a response the stopping server tore down spun in its
    // error handler
    javalin.events.serverStopping(subscribers::close);
  }

  private Runnable subscription(Context ctx) {
    // a reconnecting EventSource sends the header; a first connection from a snapshot uses the
    // query
    String lastEventId = ctx.header("Last-Event-ID");
    if (lastEventId == null) {
      lastEventId = ctx.queryParam("lastEventId");
    }
    return new ChangeSubscription(new SseClient(ctx), view, kafka, registry, lastEventId);
  }

  private static Map<String, Object> snapshot(
      PositionStateView.Snapshot snapshot, Predicate<PositionState> wanted) {
    NavigableMap<String, PositionState> selected = new TreeMap<>();
    snapshot
        .states()
        .forEach(
            (key, state) -> {
              if (wanted.test(state)) {
                selected.put(key, state);
              }
            });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("eventId", snapshot.eventId());
    json.put("count", selected.size());
    json.put("positions", StateJson.positions(selected));
    json.put("issues", IssueGap.of(selected.values()).stream().map(StateJson::gap).toList());
    return json;
  }

  private static void answer(Context ctx, Map<String, Object> snapshot, String what) {
    if ((int) snapshot.get("count") == 0) {
      notFound(ctx, what);
    } else {
      ctx.json(snapshot);
    }
  }

  private static void notFound(Context ctx, String what) {
    ctx.status(404)
        .json(
            Map.of(
                "error",
                "No article states anything about "
                    + what
                    + " yet; GET /state lists what is known."));
  }
}
