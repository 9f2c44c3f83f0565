package dev.parley.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class SizeLimitedSerializerTest {

  private final Serde<byte[]> limited = SizeLimitedSerializer.limit(Serdes.ByteArray(), 10);

  @Test
  void aValueUpToTheLimitPassesUnchanged() {
    byte[] value = new byte[10];
    assertArrayEquals(value, limited.serializer().serialize("t", value));
  }

  @Test
  void aLargerValueFailsBeforeTheProducerWithWhatToDo() {
    RecordTooLargeException e =
        assertThrows(
            RecordTooLargeException.class, () -> limited.serializer().serialize("t", new byte[11]));
    assertTrue(e.getMessage().contains("11 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("parley tail parley.dlq"), e.getMessage());
  }

  @Test
  void readingIsNotLimited() {
    assertArrayEquals(new byte[11], limited.deserializer().deserialize("t", new byte[11]));
  }
}
