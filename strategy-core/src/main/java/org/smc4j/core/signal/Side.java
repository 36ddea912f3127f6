package org.smc4j.core.signal;

import org.smc4j.core.structure.Direction;

/** The side of a trade. */
public enum Side {
  /** Buy first; profits when price rises. */
  LONG,
  /** Sell first; profits when price falls. */
  SHORT;

  /** Returns {@code +1} for long, {@code -1} for short. */
  public int sign() {
    return this == LONG ? 1 : -1;
  }

  /**
   * Returns the side that trades a structure of the given direction.
   *
   * @param direction bullish or bearish
   * @return long for bullish, short for bearish
   */
  public static Side of(Direction direction) {
    return direction == Direction.BULLISH ? LONG : SHORT;
  }
}
