package org.smc4j.trading.execution;

/**
 * The journal's state of one order (OKX-TRADING.md section 15.5): {@code PENDING_SUBMIT ->
 * SUBMITTED_UNKNOWN -> LIVE -> PARTIALLY_FILLED -> FILLED | CANCELED | REJECTED | EXPIRED_LOCAL}.
 * Only the reconciler moves an order out of {@link #SUBMITTED_UNKNOWN}.
 */
public enum OrderStatus {
  /** The intent is committed; the request may not have left the process. */
  PENDING_SUBMIT,
  /** The request may have executed; the answer was lost or ambiguous. */
  SUBMITTED_UNKNOWN,
  /** Accepted and working, nothing filled. */
  LIVE,
  /** Working, partly filled. */
  PARTIALLY_FILLED,
  /** Completely filled. */
  FILLED,
  /** Cancelled, with or without fills. */
  CANCELED,
  /** Refused by the exchange with a definite code. */
  REJECTED,
  /** Proven never to exist on the exchange (queried after its expTime). */
  EXPIRED_LOCAL;

  /** Tells whether the order can no longer change. */
  public boolean isTerminal() {
    return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED_LOCAL;
  }
}
