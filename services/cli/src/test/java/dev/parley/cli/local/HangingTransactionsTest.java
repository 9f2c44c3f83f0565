package dev.parley.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.cli.local.HangingTransactions.Verdict;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * What to do about a transaction left open on a partition: the restarted coordinator's own account
 * of the producer's transaction decides, as in {@code kafka-transactions.sh find-hanging}, and its
 * epoch tells which transaction that account is about (transactions v2 bump the epoch by one as
 * each transaction ends). The producer's transaction is open on the partition at epoch 20 in every
 * case.
 */
class HangingTransactionsTest {

  private static final int OPEN_EPOCH = 20;
  private static final TopicPartition CHANGELOG =
      new TopicPartition("parley-aggregator-position-turns-changelog", 1);
  private static final TopicPartition OTHER = new TopicPartition("parley.position-state", 0);

  @Test
  void aTransactionWhoseMarkersTheCoordinatorStillWritesIsLeftToIt() {
    assertEquals(
        Verdict.COORDINATOR_ENDS_IT,
        judge(coordinator(TransactionState.PREPARE_COMMIT, 21, CHANGELOG, OTHER)),
        "aborting it here would commit the transaction on some partitions and abort it on others");
    assertEquals(
        Verdict.COORDINATOR_ENDS_IT,
        judge(coordinator(TransactionState.PREPARE_ABORT, 21, CHANGELOG)));
  }

  @Test
  void aTransactionStillGoingOnIsLeftToItsCoordinator() {
    assertEquals(
        Verdict.COORDINATOR_ENDS_IT, judge(coordinator(TransactionState.ONGOING, 20, CHANGELOG)));
  }

  @Test
  void theTransactionTheCoordinatorCommittedIsNeverAborted() {
    assertEquals(
        Verdict.COMMITTED,
        judge(coordinator(TransactionState.COMPLETE_COMMIT, 21)),
        "committed at the bump from 20: its commit marker never reached this partition");
    assertEquals(
        Verdict.COMMITTED,
        judge(coordinator(TransactionState.PREPARE_COMMIT, 21, OTHER)),
        "being committed, with this partition no longer waiting for a marker");
  }

  @Test
  void aTransactionTheCoordinatorNeverRecordedIsAborted() {
    assertEquals(
        Verdict.ABORT,
        judge(coordinator(TransactionState.COMPLETE_COMMIT, 20)),
        "begun after the commit at epoch 20: the coordinator's last record is that commit");
    assertEquals(Verdict.ABORT, judge(coordinator(TransactionState.COMPLETE_COMMIT, 19)));
  }

  @Test
  void aTransactionTheCoordinatorEndedWithoutThisPartitionIsAborted() {
    assertEquals(
        Verdict.ABORT,
        judge(coordinator(TransactionState.COMPLETE_ABORT, 21)),
        "aborted (timed out) at the bump from 20");
    assertEquals(
        Verdict.ABORT,
        judge(coordinator(TransactionState.EMPTY, 22)),
        "fenced by a restarted producer");
    assertEquals(
        Verdict.ABORT,
        judge(coordinator(TransactionState.COMPLETE_COMMIT, 23)),
        "a later transaction was committed, so this one was aborted before it");
    assertEquals(
        Verdict.ABORT,
        judge(coordinator(TransactionState.ONGOING, 22, OTHER)),
        "a newer transaction of the producer that does not write to this partition");
    assertEquals(Verdict.ABORT, judge(null), "no coordinator knows the producer");
  }

  private static Verdict judge(TransactionDescription coordinator) {
    return HangingTransactions.judge(CHANGELOG, OPEN_EPOCH, coordinator);
  }

  private static TransactionDescription coordinator(
      TransactionState state, int epoch, TopicPartition... partitions) {
    return new TransactionDescription(
        1, state, 4_000L, epoch, 10_000L, OptionalLong.empty(), Set.of(partitions));
  }
}
