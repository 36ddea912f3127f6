package org.smc4j.core.instrument;

/** Whether an order adds liquidity (a resting limit order) or takes it (a market order). */
public enum Liquidity {
  /** A resting limit order: pays the maker rate and is bounded by the maximum limit-order size. */
  MAKER,
  /**
   * A market (or marketable) order: pays the taker rate and is bounded by the maximum market size.
   */
  TAKER
}
