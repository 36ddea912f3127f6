package org.smc4j.exchange.okx.execution;

import java.util.Objects;

/**
 * One disagreement between the exchange and the journal left after a reconciliation cycle acted.
 * The same kind on the same instrument in two consecutive cycles trips kill switch level 1.
 *
 * @param kind what disagrees
 * @param instId the instrument
 * @param detail the values on both sides
 */
public record ReconciliationMismatch(MismatchKind kind, String instId, String detail) {

  /**
   * Validates the mismatch.
   *
   * @throws NullPointerException when a component is null
   */
  public ReconciliationMismatch {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns what identifies the mismatch from one cycle to the next: kind and instrument. */
  public String key() {
    return kind + " " + instId;
  }
}
