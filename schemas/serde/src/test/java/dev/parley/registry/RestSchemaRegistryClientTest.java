package dev.parley.registry;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

  @Test
  void saysWhatToDoWhenNoRegistryAnswers() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    SchemaRegistryClient client = new RestSchemaRegistryClient("http://127.0.0.1:" + closedPort);
    SchemaRegistryException error =
        assertThrows(
            SchemaRegistryException.class,
            () -> client.register("t-value", Schema.create(Schema.Type.STRING)));
    assertTrue(error.getMessage().contains("cannot be reached"), error.getMessage());
    assertTrue(error.getMessage().contains("SCHEMA_REGISTRY_URL"), error.getMessage());
  }
}
