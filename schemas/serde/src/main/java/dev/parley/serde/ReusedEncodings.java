package dev.parley.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A writer that encodes each record of the chosen classes once per instance and copies that
 * encoding wherever the same instance is written again, alone or nested in another record. The
 * aggregator writes each position's state twice: as the change's {@code after} and as the state
 * topic's value; an Avro record's binary encoding is the same wherever it stands, so the second is
 * a copy of the first.
 *
 * <p>A record nested in reused ones can be reused too: the aggregator's states share most of their
 * statements with the state before them, so a state's encoding copies theirs and encodes only its
 * new one.
 *
 * <p>Only for records that are values: never changed once built, since a changed instance would be
 * written as it was. Each thread keeps the encodings of the last {@link #KEPT} instances of each
 * class it wrote: a state is written again at once, a statement for as long as it stays among the
 * newest of its position.
 */
final class ReusedEncodings<T> extends SpecificDatumWriter<T> {

  /**
   * Enough for the statements of the positions being updated; more would keep states' encodings,
   * kilobytes each, long enough to reach the old generation, whose garbage G1 then has to mark.
   */
  static final int KEPT = 256;

  private static final ThreadLocal<Map<Class<?>, Recent>> RECENT =
      ThreadLocal.withInitial(HashMap::new);

  private final Set<Class<?>> reused;

  ReusedEncodings(Schema schema, Set<Class<?>> reused) {
    super(schema);
    this.reused = Set.copyOf(reused);
  }

  @Override
  protected void writeRecord(Schema schema, Object datum, Encoder out) throws IOException {
    if (!reused.contains(datum.getClass())) {
      super.writeRecord(schema, datum, out);
      return;
    }
    Recent recent = RECENT.get().computeIfAbsent(datum.getClass(), kind -> new Recent());
    byte[] encoding = recent.encodings.get(datum);
    if (encoding == null) {
      encoding = recent.encode(encoder -> super.writeRecord(schema, datum, encoder));
      recent.keep(datum, encoding);
    }
    out.writeFixed(encoding);
  }

  private static final class Recent {

    /** By identity: an instance is never changed once built, so its encoding stays true. */
    private final Map<Object, byte[]> encodings = new IdentityHashMap<>();

    /** The kept instances in the order they were written, so the oldest is dropped first. */
    private final Object[] order = new Object[KEPT];

    private int next;

    private int lastSize = 1024;

    interface Write {
      void to(Encoder encoder) throws IOException;
    }

    /**
     * A buffer of its own each time, as large as the last encoding of its class: a reused record
     * may hold another one.
     */
    byte[] encode(Write write) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(lastSize);
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      write.to(encoder);
      encoder.flush();
      lastSize = bytes.size();
      return bytes.toByteArray();
    }

    void keep(Object datum, byte[] encoding) {
      Object dropped = order[next];
      if (dropped != null) {
        encodings.remove(dropped);
      }
      order[next] = datum;
      next = (next + 1) % KEPT;
      encodings.put(datum, encoding);
    }
  }
}
