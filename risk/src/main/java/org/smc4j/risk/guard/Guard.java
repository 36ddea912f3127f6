package org.smc4j.risk.guard;

/** The portfolio rules checked by {@link PortfolioGuard}. */
public enum Guard {
  /**
   * Today's net realised loss plus the risk of every open position plus the new trade's risk must
   * not exceed the daily loss limit: the worst case if everything open is stopped today.
   */
  DAILY_LOSS,
  /** Fewer losing trades than the limit closed today. */
  DAILY_LOSING_TRADES,
  /** Fewer open positions than the limit. */
  MAX_CONCURRENT_TRADES,
  /** The risk of all open positions plus the new trade within the limit. */
  MAX_OPEN_RISK,
  /** No open position in the same symbol. */
  ONE_POSITION_PER_SYMBOL,
  /** The new trade's initial (isolated) margin within the margin available. */
  MARGIN
}
