package dev.parley.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports of the local stack. Port 0 means "any free port": found here, because Kafka must advertise
 * the real one. A port that is given must be free before anything starts: Kafka would otherwise end
 * the whole process on its own, with a stack trace instead of advice.
 */
public final class FreePort {

  private FreePort() {}

  public static int any() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }

  /** {@code port} once it is known to be free, or any free port for 0. */
  static int or(int port, String part, String option) {
    if (port == 0) {
      return any();
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return port;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port "
              + port
              + " ("
              + part
              + ") on 127.0.0.1 is taken: is another `parley up` running? "
              + "Stop it, or choose another port with "
              + option
              + ".",
          e);
    }
  }
}
