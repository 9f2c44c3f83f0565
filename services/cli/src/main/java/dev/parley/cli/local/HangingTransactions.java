package dev.parley.cli.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;

/**
 * Aborts the transactions nothing will ever end (KIP-664's "hanging" transactions): a partition
 * still holds one open for a producer whose transaction coordinator has moved on, to a newer epoch
 * or to no transaction at all. A kill -9 of the local stack, broker included, can leave one on a
 * {@code __consumer_offsets} partition: it then holds back every committed-offset lookup of the
 * group for good, so the restarted aggregator never gets ready. This is what {@code
 * kafka-transactions.sh find-hanging} and {@code abort} do, without their wait of the longest
 * transaction timeout (15 minutes); a transaction the coordinator still knows as ongoing is left to
 * it.
 */
final class HangingTransactions {

  private HangingTransactions() {}

  /** Returns the partitions whose hanging transaction it aborted. */
  static List<TopicPartition> abort(Admin admin) throws InterruptedException, ExecutionException {
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
    List<TopicPartition> aborted = new ArrayList<>();
    for (Map.Entry<TopicPartition, PartitionProducerState> partition :
        admin.describeProducers(partitions).all().get().entrySet()) {
      for (ProducerState producer : partition.getValue().activeProducers()) {
        if (producer.currentTransactionStartOffset().isPresent()
            && !ongoing(coordinators.get(producer.producerId()), producer)) {
          admin
              .abortTransaction(
                  new AbortTransactionSpec(
                      partition.getKey(),
                      producer.producerId(),
                      (short) producer.producerEpoch(),
                      producer.coordinatorEpoch().orElse(-1)))
              .all()
              .get();
          aborted.add(partition.getKey());
        }
      }
    }
    return aborted;
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

  private static boolean ongoing(TransactionDescription coordinator, ProducerState producer) {
    return coordinator != null
        && coordinator.state() == TransactionState.ONGOING
        && coordinator.producerEpoch() == producer.producerEpoch();
  }
}
