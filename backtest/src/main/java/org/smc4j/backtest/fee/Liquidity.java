package org.smc4j.backtest.fee;

/** Whether a fill added liquidity to the book (a resting limit order) or took it. */
public enum Liquidity {
  /** A resting order that was hit: limit entries and targets. */
  MAKER,
  /** An order that crossed the book: market entries, stops and forced exits. */
  TAKER
}
