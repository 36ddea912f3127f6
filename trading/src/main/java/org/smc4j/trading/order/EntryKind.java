package org.smc4j.trading.order;

/** How an entry order is sent (STRATEGY.md section 6). */
public enum EntryKind {
  /** MSS trigger: a market order filled at the next bar's open, plus slippage, taker fee. */
  MARKET_NEXT_OPEN,
  /** FVG trigger: a resting limit at the FVG's edge, filled when price trades through it. */
  LIMIT
}
