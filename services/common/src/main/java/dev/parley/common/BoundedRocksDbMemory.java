package dev.parley.common;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the memory of all RocksDB stores of the process together: one block cache that also counts
 * the memtables, shared by every store instance (Kafka Streams' "bounded memory" recipe). Without
 * it each store partition takes its own 50 MB cache and up to three 16 MB memtables, so the
 * aggregator's stores alone could take gigabytes as partitions and stores add up.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** The Streams property (set from PARLEY_ROCKSDB_MEMORY_MB) that sizes the shared cache. */
  public static final String MEMORY_BYTES = "parley.rocksdb.memory.bytes";

  private static final double MEMTABLE_SHARE = 0.5;
  private static final long MEMTABLE_BYTES = 8L * 1024 * 1024;

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long bytes =
        Long.parseLong(
            String.valueOf(
                configs.getOrDefault(
                    MEMORY_BYTES, StreamsSettings.DEFAULT_ROCKSDB_MEMORY_MB * 1024L * 1024)));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared(bytes));
    table.setCacheIndexAndFilterBlocks(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBuffers);
    options.setWriteBufferSize(MEMTABLE_BYTES);
    options.setMaxWriteBufferNumber(2);
    // most reads by key find nothing (a fingerprint band no other article has): a bloom filter over
    // the memtables, a tenth of their size, answers those without searching the memtables' skip
    // lists, which took a third of the aggregator's reads by key
    options.setMemtablePrefixBloomSizeRatio(0.1);
    options.setMemtableWholeKeyFiltering(true);
    // Kafka Streams builds no bloom filter for the last level, where most keys live, as if reads
    // mostly found their key; Parley's mostly look for keys that are not there (an article seen for
    // the first time, a copy not indexed yet), and each such read then searched the last level's
    // index and data blocks
    options.setOptimizeFiltersForHits(false);
    options.setTableFormatConfig(table);
  }

  private static synchronized Cache shared(long bytes) {
    if (cache == null) {
      cache = new LRUCache(bytes, -1, false, 0.1);
      writeBuffers = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
    }
    return cache;
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and write buffer manager are shared by every store of the process: they live as
    // long as it does
  }
}
