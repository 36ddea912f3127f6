package org.smc4j.trading.journal;

/** What became of a strategy signal. */
public enum SignalStatus {
  /** Sized and accepted by the broker: its entry order was placed. */
  TAKEN,
  /** Not traded; the journal row says why (e.g. one position per symbol, size refused). */
  SKIPPED
}
