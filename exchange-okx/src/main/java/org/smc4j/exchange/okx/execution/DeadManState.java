package org.smc4j.exchange.okx.execution;

/** Where the dead-man's switch stands after a refresh attempt. */
public enum DeadManState {
  /** Never armed yet, or switched off by the bot. */
  OFF,
  /** Armed: OKX cancels our pending orders if no refresh arrives before the countdown ends. */
  ARMED,
  /** The last refresh failed, but the countdown armed earlier has not ended yet. */
  FAILING,
  /**
   * No refresh succeeded within the countdown: OKX may have cancelled our pending entries (a
   * partially filled entry then has no stop until reconciliation protects it).
   */
  LAPSED,
  /**
   * OKX refused the switch for good (permission, account, too many tag timers): running without.
   */
  UNAVAILABLE
}
