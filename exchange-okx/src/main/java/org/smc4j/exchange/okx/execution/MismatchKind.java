package org.smc4j.exchange.okx.execution;

/** What disagrees between the exchange and the journal after a reconciliation cycle. */
public enum MismatchKind {
  /** A position no journaled trade explains. */
  ORPHAN_POSITION,
  /** A position whose trade has no stop read back from the exchange. */
  UNPROTECTED_POSITION,
  /** A position whose size or side differs from what its trade filled. */
  SIZE_MISMATCH,
  /** A live TP/SL algo on a held instrument that is not the holding trade's. */
  UNKNOWN_ALGO
}
