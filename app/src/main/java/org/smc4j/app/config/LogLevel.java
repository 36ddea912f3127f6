package org.smc4j.app.config;

/** The level of the scan log file and console. */
public enum LogLevel {
  /** Everything, including per-request diagnostics. */
  TRACE,
  /** Diagnostics such as dropped unfinished candles. */
  DEBUG,
  /** Cycles, universe refreshes and signals. */
  INFO,
  /** Handled problems: retries, skipped symbols. */
  WARN,
  /** Failed operations only. */
  ERROR
}
