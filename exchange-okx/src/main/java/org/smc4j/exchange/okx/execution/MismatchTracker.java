package org.smc4j.exchange.okx.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smc4j.trading.execution.ExecutionEvent;
import org.smc4j.trading.execution.ExecutionEventKind;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.OpenMismatch;

/**
 * Compares each reconciliation cycle's mismatches with the previous cycle's, which the journal
 * keeps ({@link ExecutionJournal#openMismatches}) so a restart does not forget them: the startup
 * reconciliation is the first cycle after it. A new mismatch is journaled once ({@link
 * ExecutionEventKind#MISMATCH}); one that is still there in the next cycle is journaled once as
 * {@link ExecutionEventKind#MISMATCH_PERSISTED} and trips kill switch level 1, unless the switch is
 * already at level 1 or higher (an orphan under the stop policy tripped it when found): level 1 is
 * then not journaled a second time.
 */
final class MismatchTracker {

  private final ExecutionJournal journal;
  private final ExecutionAlerts alerts;

  MismatchTracker(ExecutionJournal journal, ExecutionAlerts alerts) {
    this.journal = journal;
    this.alerts = alerts;
  }

  /**
   * Compares one complete cycle's mismatches with the previous cycle's and stores this cycle's.
   *
   * @param found what this cycle found
   * @param at when
   * @return the report
   */
  ReconciliationReport observe(List<ReconciliationMismatch> found, Instant at) {
    Map<String, OpenMismatch> previous = new LinkedHashMap<>();
    for (OpenMismatch open : journal.openMismatches()) {
      previous.put(open.key(), open);
    }
    Map<String, ReconciliationMismatch> current = new LinkedHashMap<>();
    List<OpenMismatch> stillOpen = new ArrayList<>();
    List<ReconciliationMismatch> persisted = new ArrayList<>();
    for (ReconciliationMismatch mismatch : found) {
      if (current.putIfAbsent(mismatch.key(), mismatch) != null) {
        continue;
      }
      OpenMismatch before = previous.get(mismatch.key());
      if (before == null) {
        journal.addEvent(
            new ExecutionEvent(
                ExecutionEventKind.MISMATCH,
                mismatch.instId(),
                mismatch.kind() + ": " + mismatch.detail(),
                at));
        alerts.alert("reconciliation mismatch on " + mismatch.instId() + ": " + mismatch.detail());
        stillOpen.add(
            new OpenMismatch(mismatch.key(), mismatch.instId(), mismatch.detail(), at, false));
        continue;
      }
      persisted.add(mismatch);
      if (!before.handled()) {
        persist(mismatch, at);
      }
      stillOpen.add(before.withHandled());
    }
    journal.replaceOpenMismatches(stillOpen);
    return new ReconciliationReport(true, List.copyOf(current.values()), persisted);
  }

  private void persist(ReconciliationMismatch mismatch, Instant at) {
    String reason =
        mismatch.kind()
            + " on "
            + mismatch.instId()
            + " survived two reconciliation cycles: "
            + mismatch.detail();
    ExecutionEvent event =
        new ExecutionEvent(ExecutionEventKind.MISMATCH_PERSISTED, mismatch.instId(), reason, at);
    int level = journal.killSwitchLevel();
    if (level >= 1) {
      journal.addEvent(event);
      alerts.alert(reason + " (kill switch already at level " + level + ")");
      return;
    }
    journal.addEventAndTrip(event, 1);
    alerts.alert("kill switch level 1: " + reason);
  }
}
