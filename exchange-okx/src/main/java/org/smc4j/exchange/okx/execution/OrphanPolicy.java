package org.smc4j.exchange.okx.execution;

/** What to do with a position the journal cannot explain (OKX-TRADING.md section 15.10). */
public enum OrphanPolicy {
  /** Journal it as an orphan, alert and trip kill switch level 1 (no new entries). */
  ALERT_AND_STOP,
  /** Journal it as an orphan, alert and close it with a reduce-only market order. */
  FLATTEN
}
