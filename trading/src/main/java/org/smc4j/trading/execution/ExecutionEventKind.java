package org.smc4j.trading.execution;

/** What an {@link ExecutionEvent} records. */
public enum ExecutionEventKind {
  /** Reconciliation saw the exchange and the journal disagree (one cycle). */
  MISMATCH,
  /** A mismatch survived two consecutive reconciliation cycles: kill switch level 1. */
  MISMATCH_PERSISTED,
  /** The leverage of an instrument was set and read back before an entry. */
  LEVERAGE_SET,
  /** Setting the leverage of an instrument failed; the entry was skipped. */
  LEVERAGE_FAILED,
  /** The dead-man's switch (cancel-all-after) was armed or refreshed. */
  DEAD_MAN_ARMED,
  /** A refresh of the dead-man's switch failed. */
  DEAD_MAN_FAILED,
  /** The dead-man's switch went unrefreshed past its timeout: our entries may be cancelled. */
  DEAD_MAN_LAPSED,
  /** The dead-man's switch is not available on this account; the bot runs without it. */
  DEAD_MAN_UNAVAILABLE,
  /** A closed trade's P&amp;L agrees with OKX's positions-history. */
  PNL_CROSS_CHECKED,
  /** A closed trade's P&amp;L differs from OKX's positions-history, or no row was found. */
  PNL_CROSS_CHECK_MISMATCH,
  /**
   * A trade closed while the bot was down and its exit fills are no longer served: its result was
   * taken from OKX's positions-history.
   */
  PNL_FROM_POSITIONS_HISTORY
}
