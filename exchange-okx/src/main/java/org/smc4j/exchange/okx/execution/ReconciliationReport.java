package org.smc4j.exchange.okx.execution;

import java.util.List;
import java.util.Objects;

/**
 * What one reconciliation cycle found.
 *
 * @param complete true when positions and algos could be read; a cycle that could not read them
 *     decides nothing about mismatches
 * @param mismatches what still disagreed after the cycle acted
 * @param persisted the mismatches also seen in the previous cycle (each trips kill switch level 1)
 */
public record ReconciliationReport(
    boolean complete,
    List<ReconciliationMismatch> mismatches,
    List<ReconciliationMismatch> persisted) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException when a list is null
   */
  public ReconciliationReport {
    mismatches = List.copyOf(Objects.requireNonNull(mismatches, "mismatches"));
    persisted = List.copyOf(Objects.requireNonNull(persisted, "persisted"));
  }

  /** The report of a cycle that could not read the exchange. */
  static ReconciliationReport incomplete() {
    return new ReconciliationReport(false, List.of(), List.of());
  }
}
