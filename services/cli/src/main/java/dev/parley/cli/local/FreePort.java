package dev.parley.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ports of the local stack. Port 0 means "any free port": found here, because Kafka must advertise
 * the real one. A port that is given must be free before anything starts: Kafka would otherwise end
 * the whole process on its own, with a stack trace instead of advice.
 */
public final class FreePort {

  private FreePort() {}

  public static int any() {
    return distinct(1)[0];
  }

  /**
   * {@code count} free ports, no two the same: the system may hand out a port again as soon as it
   * is released, so each stays bound until all are found.
   */
  public static int[] distinct(int count) {
    try (Reservation reservation = new Reservation()) {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ports[i] = reservation.any();
      }
      return ports;
    }
  }

  /** Keeps every port it hands out bound until it is closed, so it never hands one out twice. */
  static final class Reservation implements AutoCloseable {

    private final Map<Integer, String> parts = new HashMap<>();
    private final List<ServerSocket> held = new ArrayList<>();

    int any() {
      try {
        return hold(0, "a free port");
      } catch (IOException e) {
        throw new UncheckedIOException("No free port on 127.0.0.1", e);
      }
    }

    /** {@code port} once it is known to be free, or any free port for 0. */
    int or(int port, String part, String option) {
      if (parts.containsKey(port)) {
        throw new IllegalStateException(
            "Port %d is given twice (%s and %s): choose another one with %s."
                .formatted(port, parts.get(port), part, option));
      }
      try {
        return hold(port, part);
      } catch (IOException e) {
        throw new IllegalStateException(
            ("Port %d (%s) on 127.0.0.1 is taken: is another `parley up` running?"
                    + " Stop it, or choose another port with %s.")
                .formatted(port, part, option),
            e);
      }
    }

    private int hold(int port, String part) throws IOException {
      ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
      held.add(socket);
      parts.put(socket.getLocalPort(), part);
      return socket.getLocalPort();
    }

    /** Releases every port, even when one of them fails to close. */
    @Override
    public void close() {
      UncheckedIOException failed = null;
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException e) {
          failed = new UncheckedIOException("Could not release port " + socket.getLocalPort(), e);
        }
      }
      if (failed != null) {
        throw failed;
      }
    }
  }
}
