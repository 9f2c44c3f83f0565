package dev.parley.cli;

import dev.parley.cli.local.FreePort;
import dev.parley.cli.local.LocalStack;
import dev.parley.common.ServiceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The local stack as the tests start it: on free ports, in a folder of the test's, logging to
 * stdout.
 */
public final class TestStacks {

  private TestStacks() {}

  public static LocalStack start(Path dataDir) throws Exception {
    return start(dataDir, Map.of());
  }

  /** {@code settings} are environment variables of every service, e.g. PARLEY_ONTOLOGY. */
  public static LocalStack start(Path dataDir, Map<String, String> settings) throws Exception {
    return LocalStack.start(
        dataDir, new LocalStack.Ports(0, 0, 0, 0, 0, 0), ServiceConfig.of(settings), System.out);
  }

  /**
   * The settings of one more service instance on the stack's cluster and registry, with an HTTP
   * port and a state folder of its own.
   */
  static Map<String, String> anotherInstance(LocalStack stack, Path stateDir) {
    return new HashMap<>(
        Map.of(
            ServiceConfig.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers(),
            ServiceConfig.SCHEMA_REGISTRY_URL, stack.registry().httpAddress().toString(),
            ServiceConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO,
                "parley:" + stack.registryAdminKey(),
            ServiceConfig.HTTP_HOST, "127.0.0.1",
            ServiceConfig.HTTP_PORT, String.valueOf(FreePort.any()),
            ServiceConfig.STATE_DIR, stateDir.toString()));
  }
}
