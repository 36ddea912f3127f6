package org.smc4j.risk;

/** The direction of a position. */
public enum Side {
  /** Bought first: loses when the price falls, so its stop lies below the entry. */
  LONG,
  /** Sold first: loses when the price rises, so its stop lies above the entry. */
  SHORT
}
