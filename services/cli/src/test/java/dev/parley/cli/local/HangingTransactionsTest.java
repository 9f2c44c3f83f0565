package dev.parley.cli.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Which transaction left open on a partition is hanging: the restarted coordinator's own account of
 * the producer's transaction decides, as in {@code kafka-transactions.sh find-hanging}. The
 * producer's transaction is open on the partition at epoch 20 in every case.
 */
class HangingTransactionsTest {

  private static final TopicPartition CHANGELOG =
      new TopicPartition("parley-aggregator-position-turns-changelog", 1);
  private static final TopicPartition OTHER = new TopicPartition("parley.position-state", 0);

  @Test
  void aCommitWhoseMarkersTheCoordinatorStillWritesIsNotHanging() {
    // transactions v2: the coordinator bumps the epoch as it begins to commit
    assertFalse(
        HangingTransactions.isHanging(
            CHANGELOG, coordinator(TransactionState.PREPARE_COMMIT, 21, CHANGELOG, OTHER)),
        "aborting it here would commit the transaction on some partitions and abort it on others");
    assertFalse(
        HangingTransactions.isHanging(
            CHANGELOG, coordinator(TransactionState.PREPARE_ABORT, 21, CHANGELOG)));
  }

  @Test
  void aTransactionStillGoingOnIsNotHanging() {
    assertFalse(
        HangingTransactions.isHanging(
            CHANGELOG, coordinator(TransactionState.ONGOING, 20, CHANGELOG)));
  }

  @Test
  void aTransactionTheCoordinatorHasMovedOnFromIsHanging() {
    assertTrue(
        HangingTransactions.isHanging(CHANGELOG, coordinator(TransactionState.EMPTY, 22)),
        "fenced by a restarted producer, with no marker for this partition");
    assertTrue(
        HangingTransactions.isHanging(CHANGELOG, coordinator(TransactionState.COMPLETE_ABORT, 22)));
    assertTrue(
        HangingTransactions.isHanging(CHANGELOG, coordinator(TransactionState.ONGOING, 22, OTHER)),
        "a newer transaction of the producer that does not write to this partition");
    assertTrue(HangingTransactions.isHanging(CHANGELOG, null), "no coordinator knows the producer");
  }

  private static TransactionDescription coordinator(
      TransactionState state, int epoch, TopicPartition... partitions) {
    return new TransactionDescription(
        1, state, 4_000L, epoch, 10_000L, OptionalLong.empty(), Set.of(partitions));
  }
}
