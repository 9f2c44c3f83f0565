package dev.parley.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the client for a SCHEMA_REGISTRY_URL: {@code mock://scope} in memory, anything else over
 * REST.
 */
public final class SchemaRegistryClients {

  private static final String MOCK_PREFIX = "mock://";
  private static final Map<String, SchemaStore> MOCK_SCOPES = new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient forUrl(String url) {
    return forUrl(url, null);
  }

  /**
   * A client that sends {@code basicAuthUserInfo} ({@code user:password}, or null for none) with
   * every request, as Confluent's clients do with basic.auth.user.info.
   */
  public static SchemaRegistryClient forUrl(String url, String basicAuthUserInfo) {
    if (url.startsWith(MOCK_PREFIX)) {
      return new InMemorySchemaRegistryClient(
          MOCK_SCOPES.computeIfAbsent(url.substring(MOCK_PREFIX.length()), s -> new SchemaStore()));
    }
    return new RestSchemaRegistryClient(url, basicAuthUserInfo);
  }

  /** Forgets a mock scope, so a test starts from an empty registry. */
  public static void dropMockScope(String url) {
    MOCK_SCOPES.remove(url.substring(MOCK_PREFIX.length()));
  }
}
