package org.smc4j.exchange.okx.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smc4j.trading.execution.ExecutionEvent;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.ExecutionJournal;

/**
 * Remembers the mismatches of the previous reconciliation cycle: a new mismatch is journaled once
 * ({@link ExecutionEventKind#MISMATCH}); one that is still there in the next cycle is journaled as
 * {@link ExecutionEventKind#MISMATCH_PERSISTED} and trips kill switch level 1, once while it lasts.
 */
final class MismatchTracker {

  private final ExecutionJournal journal;
  private final ExecutionAlerts alerts;
  private Map<String, ReconciliationMismatch> previous = new HashMap<>();
  private final Set<String> tripped = new HashSet<>();

  MismatchTracker(ExecutionJournal journal, ExecutionAlerts alerts) {
    this.journal = journal;
    this.alerts = alerts;
  }

  /**
   * Compares one complete cycle's mismatches with the previous cycle's.
   *
   * @param found what this cycle found
   * @param at when
   * @return the report
   */
  ReconciliationReport observe(List<ReconciliationMismatch> found, Instant at) {
    Map<String, ReconciliationMismatch> current = new HashMap<>();
    List<ReconciliationMismatch> persisted = new ArrayList<>();
    for (ReconciliationMismatch mismatch : found) {
      if (current.putIfAbsent(mismatch.key(), mismatch) != null) {
        continue;
      }
      if (!previous.containsKey(mismatch.key())) {
        journal.addEvent(
            new ExecutionEvent(
                ExecutionEventKind.MISMATCH,
                mismatch.instId(),
                mismatch.kind() + ": " + mismatch.detail(),
                at));
        alerts.alert("reconciliation mismatch on " + mismatch.instId() + ": " + mismatch.detail());
        continue;
      }
      persisted.add(mismatch);
      if (tripped.add(mismatch.key())) {
        String reason =
            mismatch.kind()
                + " on "
                + mismatch.instId()
                + " survived two reconciliation cycles: "
                + mismatch.detail();
        journal.addEventAndTrip(
            new ExecutionEvent(
                ExecutionEventKind.MISMATCH_PERSISTED, mismatch.instId(), reason, at),
            1);
        alerts.alert("kill switch level 1: " + reason);
      }
    }
    tripped.retainAll(current.keySet());
    previous = current;
    return new ReconciliationReport(true, List.copyOf(current.values()), persisted);
  }
}
