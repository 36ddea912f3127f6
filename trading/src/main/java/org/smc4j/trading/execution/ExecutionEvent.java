package org.smc4j.trading.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * One journaled execution event beside the order and trade transitions: a reconciliation mismatch,
 * a leverage setting, a dead-man's switch refresh or failure, a P&amp;L cross-check.
 *
 * @param kind what happened
 * @param instId the instrument, empty when the event concerns the account
 * @param detail the values that explain it (never a secret)
 * @param at when
 */
public record ExecutionEvent(ExecutionEventKind kind, String instId, String detail, Instant at) {

  /**
   * Validates the event.
   *
   * @throws NullPointerException when a component is null
   */
  public ExecutionEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(instId, "instId");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }
}
