package org.smc4j.trading.execution;

/**
 * The journal's state of one trade (OKX-TRADING.md section 15.5): {@code SIGNALLED -> ENTRY_WORKING
 * -> OPEN_UNPROTECTED -> OPEN_PROTECTED -> CLOSING -> CLOSED}, plus {@link #SKIPPED} and {@link
 * #ORPHAN} (exchange exposure the journal cannot map).
 */
public enum TradeStatus {
  /** The signal is journaled, no order sent. */
  SIGNALLED,
  /** The entry order is (or may be) working. */
  ENTRY_WORKING,
  /** A position exists without confirmed stop coverage; it has a deadline. */
  OPEN_UNPROTECTED,
  /** A position exists with a stop read back from the exchange. */
  OPEN_PROTECTED,
  /** A close was sent. */
  CLOSING,
  /** Flat; P&amp;L journaled. */
  CLOSED,
  /** No position was ever opened; the reason says why. */
  SKIPPED,
  /** A position on the exchange that no journaled trade explains. */
  ORPHAN;

  /** Tells whether the trade holds or may hold exposure (pending entries count as open). */
  public boolean countsAsOpen() {
    return this == SIGNALLED
        || this == ENTRY_WORKING
        || this == OPEN_UNPROTECTED
        || this == OPEN_PROTECTED
        || this == CLOSING
        || this == ORPHAN;
  }

  /** Tells whether a position is open. */
  public boolean hasPosition() {
    return this == OPEN_UNPROTECTED || this == OPEN_PROTECTED || this == CLOSING;
  }
}
