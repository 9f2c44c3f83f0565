package dev.parley.cli.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;

/**
 * Aborts the transactions nothing will ever end (KIP-664's "hanging" transactions): a partition
 * still holds one open for a producer whose transaction coordinator no longer counts that partition
 * in a transaction, neither one going on nor one whose commit or abort markers it still has to
 * write. A kill -9 of the local stack, broker included, can leave one on a {@code
 * __consumer_offsets} partition: it then holds back every committed-offset lookup of the group for
 * good, so the restarted aggregator never gets ready. This is the test of {@code
 * kafka-transactions.sh find-hanging}, without its wait of the longest transaction timeout (15
 * minutes).
 *
 * <p>A transaction the coordinator had decided to commit when the broker died is not hanging: the
 * restarted coordinator writes its commit markers. Aborting it on the partitions those markers have
 * not reached yet would commit it on some partitions and abort it on the others, so that a Streams
 * app's stores (restored from their changelogs) would disagree with one another and with its
 * output.
 */
final class HangingTransactions {

  private static final String TRANSACTION_LOG = "__transaction_state";

  private HangingTransactions() {}

  /**
   * One open transaction that was aborted, and why. {@code committed}: its coordinator had
   * committed it, but the commit markers never reached this partition, so aborting it here drops
   * records that were committed elsewhere (the Admin API can only abort); seen after kill -9 of the
   * local stack, whose restarted broker is fenced and elected again before it can register.
   */
  record Aborted(
      TopicPartition partition, ProducerState producer, String coordinator, boolean committed) {
    @Override
    public String toString() {
      return String.format(
          "%s (producer %d epoch %d; its coordinator: %s)",
          partition, producer.producerId(), producer.producerEpoch(), coordinator);
    }
  }

  /**
   * The longest wait for the coordinator to write the markers of the transactions it was ending
   * when the broker died.
   */
  private static final Duration MARKERS_WAIT = Duration.ofSeconds(30);

  /** Returns the open transactions it aborted. */
  static List<Aborted> abort(Admin admin) throws InterruptedException, ExecutionException {
    awaitCoordinatorLoaded(admin);
    awaitMarkers(admin);
    List<TopicPartition> partitions = new ArrayList<>();
    admin
        .describeTopics(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get())
        .allTopicNames()
        .get()
        .values()
        .forEach(
            topic ->
                topic
                    .partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
    Map<Long, TransactionDescription> coordinators = coordinatorStates(admin);
    List<Aborted> aborted = new ArrayList<>();
    for (Map.Entry<TopicPartition, PartitionProducerState> partition :
        admin.describeProducers(partitions).all().get().entrySet()) {
      for (ProducerState producer : partition.getValue().activeProducers()) {
        TransactionDescription coordinator = coordinators.get(producer.producerId());
        if (producer.currentTransactionStartOffset().isPresent()
            && isHanging(partition.getKey(), coordinator)) {
          if (!abort(admin, partition.getKey(), producer)) {
            continue;
          }
          aborted.add(
              new Aborted(
                  partition.getKey(),
                  producer,
                  coordinator == null
                      ? "no transaction"
                      : coordinator.state() + " at epoch " + coordinator.producerEpoch(),
                  coordinator != null && coordinator.state() == TransactionState.COMPLETE_COMMIT));
        }
      }
    }
    return aborted;
  }

  /**
   * False when the transaction ended meanwhile: a marker of a newer epoch reached the partition
   * first.
   */
  private static boolean abort(Admin admin, TopicPartition partition, ProducerState producer)
      throws InterruptedException, ExecutionException {
    try {
      admin
          .abortTransaction(
              new AbortTransactionSpec(
                  partition,
                  producer.producerId(),
                  (short) producer.producerEpoch(),
                  producer.coordinatorEpoch().orElse(-1)))
          .all()
          .get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InvalidProducerEpochException) {
        return false;
      }
      throw e;
    }
  }

  /**
   * True when the coordinator will never end the transaction open on {@code partition}: it knows no
   * transaction of the producer, or its transaction (going on, or being committed or aborted) does
   * not include the partition. The epochs are not compared: with transactions v2 the coordinator
   * bumps the epoch when it begins to commit, before the partitions have their markers.
   */
  static boolean isHanging(TopicPartition partition, TransactionDescription coordinator) {
    return coordinator == null || !coordinator.topicPartitions().contains(partition);
  }

  /**
   * Waits until the coordinator has read every partition of the transaction log back: until then it
   * lists no transaction of those partitions, so that each one would look hanging. Describing an
   * unknown transactional id of a partition answers only once the partition is loaded (the client
   * retries meanwhile) and then says that there is no such id.
   */
  private static void awaitCoordinatorLoaded(Admin admin)
      throws InterruptedException, ExecutionException {
    Map<String, TopicDescription> log =
        admin
            .describeTopics(
                admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
                    .filter(TRANSACTION_LOG::equals)
                    .toList())
            .allTopicNames()
            .get();
    if (log.isEmpty()) {
      return;
    }
    int partitions = log.get(TRANSACTION_LOG).partitions().size();
    Map<Integer, String> probes = new HashMap<>();
    for (int n = 0; probes.size() < partitions; n++) {
      String id = "parley-up-load-probe-" + n;
      // the coordinator's own partitioner: Utils.abs(hashCode) % partitions
      probes.putIfAbsent((id.hashCode() & 0x7fffffff) % partitions, id);
    }
    var described = admin.describeTransactions(probes.values());
    for (String probe : probes.values()) {
      try {
        described.description(probe).get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
          throw e;
        }
      }
    }
  }

  /**
   * Waits until the coordinator has written the markers of every transaction it had begun to commit
   * or abort, so that no partition of such a transaction looks open for a producer the coordinator
   * has moved on from (e.g. to a new producer id once the epochs ran out).
   */
  private static void awaitMarkers(Admin admin) throws InterruptedException, ExecutionException {
    Instant deadline = Instant.now().plus(MARKERS_WAIT);
    ListTransactionsOptions ending =
        new ListTransactionsOptions()
            .filterStates(List.of(TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT));
    while (!admin.listTransactions(ending).all().get().isEmpty()
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
  }

  /** What each producer's transaction coordinator says, by producer id. */
  private static Map<Long, TransactionDescription> coordinatorStates(Admin admin)
      throws InterruptedException, ExecutionException {
    Map<Long, TransactionDescription> byProducer = new HashMap<>();
    List<String> ids =
        admin.listTransactions().all().get().stream()
            .map(TransactionListing::transactionalId)
            .toList();
    if (!ids.isEmpty()) {
      admin
          .describeTransactions(ids)
          .all()
          .get()
          .values()
          .forEach(d -> byProducer.put(d.producerId(), d));
    }
    return byProducer;
  }
}
