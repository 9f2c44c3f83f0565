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
 * output. For the same reason a transaction its coordinator reports as committed is never aborted
 * (see {@link Verdict#COMMITTED}).
 */
final class HangingTransactions {

  private static final String TRANSACTION_LOG = "__transaction_state";

  private HangingTransactions() {}

  /** What is to be done about a transaction left open on a partition. */
  enum Verdict {
    /** Its coordinator counts the partition in a transaction that it will end. */
    COORDINATOR_ENDS_IT,
    /** Nothing will end it, and it was never committed: aborting it loses nothing. */
    ABORT,
    /**
     * Its coordinator committed this very transaction, but the commit never reached the partition:
     * aborting it would drop records committed on its other partitions, and the Admin API can only
     * abort. Left open unless the operator chooses to drop them.
     */
    COMMITTED
  }

  /**
   * A transaction left open on a partition with nothing to end it, and what its coordinator says.
   */
  record Open(
      TopicPartition partition,
      ProducerState producer,
      TransactionDescription coordinator,
      Verdict verdict) {
    @Override
    public String toString() {
      return String.format(
          "%s (producer %d epoch %d, open since offset %d; its coordinator: %s)",
          partition,
          producer.producerId(),
          producer.producerEpoch(),
          producer.currentTransactionStartOffset().orElse(-1),
          coordinator == null
              ? "no transaction"
              : coordinator.state() + " at epoch " + coordinator.producerEpoch());
    }
  }

  /**
   * What {@link #abort} did: the transactional ids whose transactions it ended through their
   * coordinator, the transactions it aborted on their partitions, and those it left open.
   */
  record Outcome(List<String> fenced, List<Open> aborted, List<Open> committedLeftOpen) {}

  /**
   * The longest wait for the coordinator to write the markers of the transactions it was ending
   * when the broker died.
   */
  private static final Duration MARKERS_WAIT = Duration.ofSeconds(30);

  /**
   * Aborts every hanging transaction that was never committed; one that was committed ({@link
   * Verdict#COMMITTED}) too only if {@code abortCommitted}.
   */
  static Outcome abort(Admin admin, boolean abortCommitted)
      throws InterruptedException, ExecutionException {
    awaitCoordinatorLoaded(admin);
    awaitMarkers(admin);
    List<String> fenced = fenceOngoing(admin);
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
    List<Open> aborted = new ArrayList<>();
    List<Open> leftOpen = new ArrayList<>();
    for (Map.Entry<TopicPartition, PartitionProducerState> partition :
        admin.describeProducers(partitions).all().get().entrySet()) {
      for (ProducerState producer : partition.getValue().activeProducers()) {
        if (producer.currentTransactionStartOffset().isEmpty()) {
          continue;
        }
        TransactionDescription coordinator = coordinators.get(producer.producerId());
        Open open =
            new Open(
                partition.getKey(),
                producer,
                coordinator,
                judge(partition.getKey(), producer.producerEpoch(), coordinator));
        if (open.verdict() == Verdict.COMMITTED && !abortCommitted) {
          leftOpen.add(open);
        } else if (open.verdict() != Verdict.COORDINATOR_ENDS_IT
            && abort(admin, partition.getKey(), producer)) {
          aborted.add(open);
        }
      }
    }
    return new Outcome(fenced, aborted, leftOpen);
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
   * Judges a transaction open on {@code partition} at {@code openEpoch} by what its coordinator
   * says. The coordinator will end it when its transaction (going on, or being committed or
   * aborted) includes the partition. Otherwise the epochs tell which transaction it was: with
   * transactions v2 the coordinator bumps the producer's epoch by one as it ends each transaction,
   * and a producer's records carry the epoch from before the bump. So a coordinator that committed
   * (or is committing) at {@code openEpoch + 1} committed this very transaction. One at {@code
   * openEpoch} or below never recorded it: it began (its first write reached the partition) but was
   * never committed. One at {@code openEpoch + 1} that aborted, or at a higher epoch, has ended it
   * without this partition's marker (fenced by a restarted producer, or timed out).
   */
  static Verdict judge(
      TopicPartition partition, int openEpoch, TransactionDescription coordinator) {
    if (coordinator != null && coordinator.topicPartitions().contains(partition)) {
      return Verdict.COORDINATOR_ENDS_IT;
    }
    boolean committing =
        coordinator != null
            && (coordinator.state() == TransactionState.COMPLETE_COMMIT
                || coordinator.state() == TransactionState.PREPARE_COMMIT);
    return committing && coordinator.producerEpoch() == openEpoch + 1
        ? Verdict.COMMITTED
        : Verdict.ABORT;
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
   * Ends, through their coordinator, the transactions still going on. Before Parley's services
   * start, every producer of this process is dead, and no restarted producer would end a
   * transaction of the extractor's: a Streams app without stores gets a new transactional id at
   * each start. Its coordinator would abort it only once the transaction timed out, and until then
   * every read_committed reader of its partitions waits (the aggregator, up to 20 s). Fencing the
   * transactional id is what a restarted producer of that id does: the coordinator aborts the
   * transaction and writes its markers.
   */
  private static List<String> fenceOngoing(Admin admin)
      throws InterruptedException, ExecutionException {
    List<String> ongoing =
        admin
            .listTransactions(
                new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING)))
            .all()
            .get()
            .stream()
            .map(TransactionListing::transactionalId)
            .toList();
    if (!ongoing.isEmpty()) {
      admin.fenceProducers(ongoing).all().get();
      awaitMarkers(admin);
    }
    return ongoing;
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
            .filterStates(
                List.of(
                    TransactionState.PREPARE_COMMIT,
                    TransactionState.PREPARE_ABORT,
                    TransactionState.PREPARE_EPOCH_FENCE));
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
