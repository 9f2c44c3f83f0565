package dev.parley.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.cli.local.HangingTransactions.Verdict;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What to do about a transaction left open on a partition: the restarted coordinator's own account
 * of the producer's transaction decides, as in {@code kafka-transactions.sh find-hanging}, and its
 * epoch tells which transaction that account is about (transactions v2 bump the epoch by one as
 * each transaction ends). The producer's transaction is open on the changelog partition at epoch 20
 * in every case.
 */
class HangingTransactionsTest {

  private static final int OPEN_EPOCH = 20;
  private static final TopicPartition CHANGELOG =
      new TopicPartition("parley-aggregator-position-turns-changelog", 1);
  private static final TopicPartition OTHER = new TopicPartition("parley.position-state", 0);

  @ParameterizedTest(name = "coordinator {0} at epoch {1}, counting [{2}]: {3}, {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          PREPARE_COMMIT  | 21 | changelog other | COORDINATOR_ENDS_IT | aborting it here would commit it on some partitions and abort it on others
          PREPARE_ABORT   | 21 | changelog       | COORDINATOR_ENDS_IT | the coordinator writes its abort marker here
          ONGOING         | 20 | changelog       | COORDINATOR_ENDS_IT | still going on
          COMPLETE_COMMIT | 21 |                 | COMMITTED           | committed at the bump from 20, and the commit never reached this partition
          PREPARE_COMMIT  | 21 | other           | COMMITTED           | being committed, with this partition no longer waiting for its marker
          COMPLETE_COMMIT | 20 |                 | ABORT               | begun after the commit at epoch 20, which is the coordinator's last record
          COMPLETE_COMMIT | 19 |                 | ABORT               | begun after the coordinator's last record
          COMPLETE_ABORT  | 21 |                 | ABORT               | aborted (timed out) at the bump from 20
          EMPTY           | 22 |                 | ABORT               | fenced by a restarted producer
          COMPLETE_COMMIT | 23 |                 | ABORT               | a later transaction was committed, so this one was aborted before it
          ONGOING         | 22 | other           | ABORT               | a newer transaction of the producer that does not write here
          """)
  void theCoordinatorsAccountAndEpochDecide(
      TransactionState state, int epoch, String counted, Verdict expected, String why) {
    assertEquals(
        expected,
        HangingTransactions.judge(CHANGELOG, OPEN_EPOCH, coordinator(state, epoch, counted)),
        why);
  }

  @Test
  void aTransactionNoCoordinatorKnowsIsAborted() {
    assertEquals(Verdict.ABORT, HangingTransactions.judge(CHANGELOG, OPEN_EPOCH, null));
  }

  private static TransactionDescription coordinator(
      TransactionState state, int epoch, String counted) {
    Set<TopicPartition> partitions =
        counted == null
            ? Set.of()
            : Arrays.stream(counted.split(" "))
                .map(name -> name.equals("changelog") ? CHANGELOG : OTHER)
                .collect(Collectors.toSet());
    return new TransactionDescription(
        1, state, 4_000L, epoch, 10_000L, OptionalLong.empty(), partitions);
  }
}
