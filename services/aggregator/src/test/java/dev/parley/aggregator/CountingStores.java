package dev.parley.aggregator;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * RocksDB byte stores, as in production (the in-memory store copies a range's keys before iterating
 * them), that count every entry read from them (each get, and each entry an iterator yields) and
 * every seek (each get, and each iterator opened), what a read costs most in RocksDB.
 */
final class CountingStores {

  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong seeks = new AtomicLong();

  long reads() {
    return reads.get();
  }

  long seeks() {
    return seeks.get();
  }

  KeyValueBytesStoreSupplier supplier(String name) {
    KeyValueBytesStoreSupplier inner = Stores.persistentKeyValueStore(name);
    return new KeyValueBytesStoreSupplier() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public KeyValueStore<Bytes, byte[]> get() {
        return new Counting(inner.get());
      }

      @Override
      public String metricsScope() {
        return inner.metricsScope();
      }
    };
  }

  private final class Counting implements KeyValueStore<Bytes, byte[]> {

    private final KeyValueStore<Bytes, byte[]> inner;

    Counting(KeyValueStore<Bytes, byte[]> inner) {
      this.inner = inner;
    }

    @Override
    public byte[] get(Bytes key) {
      reads.incrementAndGet();
      seeks.incrementAndGet();
      return inner.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
      return counted(inner.range(from, to));
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
      return counted(inner.reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
      return counted(inner.all());
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
      return counted(inner.reverseAll());
    }

    @Override
    public <PS extends org.apache.kafka.common.serialization.Serializer<P>, P>
        KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
      return counted(inner.prefixScan(prefix, prefixKeySerializer));
    }

    private KeyValueIterator<Bytes, byte[]> counted(KeyValueIterator<Bytes, byte[]> entries) {
      seeks.incrementAndGet();
      return new KeyValueIterator<>() {
        @Override
        public boolean hasNext() {
          return entries.hasNext();
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
          reads.incrementAndGet();
          return entries.next();
        }

        @Override
        public Bytes peekNextKey() {
          return entries.peekNextKey();
        }

        @Override
        public void close() {
          entries.close();
        }
      };
    }

    @Override
    public long approximateNumEntries() {
      return inner.approximateNumEntries();
    }

    @Override
    public void put(Bytes key, byte[] value) {
      inner.put(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
      return inner.putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
      inner.putAll(entries);
    }

    @Override
    public byte[] delete(Bytes key) {
      return inner.delete(key);
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
      inner.init(context, root);
    }

    @Override
    public void flush() {
      inner.flush();
    }

    @Override
    public void close() {
      inner.close();
    }

    @Override
    public boolean persistent() {
      return inner.persistent();
    }

    @Override
    public boolean isOpen() {
      return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(
        Query<R> query, PositionBound positionBound, QueryConfig config) {
      return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
      return inner.getPosition();
    }
  }
}
