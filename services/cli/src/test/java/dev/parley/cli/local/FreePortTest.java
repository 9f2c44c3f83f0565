package dev.parley.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortTest {

  @Test
  void portsFoundTogetherAreDistinctAndFreeOnceFound() throws Exception {
    int[] ports = FreePort.distinct(50);
    assertEquals(ports.length, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, socket.getLocalPort());
      }
    }
  }

  @Test
  void aPortGivenToTwoPartsIsRefusedNamingBoth() {
    int port = FreePort.any();
    try (FreePort.Reservation reservation = new FreePort.Reservation()) {
      assertEquals(port, reservation.or(port, "Kafka", "--kafka-port"));
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class,
              () -> reservation.or(port, "KRaft controller", "--controller-port"));
      assertEquals(
          "Port "
              + port
              + " is given twice (Kafka and KRaft controller): choose another one with"
              + " --controller-port.",
          refused.getMessage());
    }
  }

  @Test
  void aPortTakenElsewhereIsRefusedWithTheOptionThatMovesIt() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        FreePort.Reservation reservation = new FreePort.Reservation()) {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class,
              () -> reservation.or(other.getLocalPort(), "ingestor", "--ingestor-port"));
      assertTrue(refused.getMessage().contains("is taken"), refused.getMessage());
      assertTrue(refused.getMessage().endsWith("--ingestor-port."), refused.getMessage());
    }
  }
}
