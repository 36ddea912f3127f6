package org.smc4j.core.signal;

/** How a signal's entry is meant to be placed. */
public enum OrderType {
  /** Market order, filled at the next 5m open (plus slippage). Used for MSS triggers. */
  MARKET,
  /**
   * Limit order at the planned entry, cancelled if the POI dies or price reaches the target before
   * it fills. Used for FVG triggers.
   */
  LIMIT
}
