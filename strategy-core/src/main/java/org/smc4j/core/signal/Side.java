package org.smc4j.core.signal;

import org.smc4j.core.structure.Direction;

/**
 * The side of a trade (and of the position it opens). The one {@code Side} of the project: the
 * strategy, the sizer, the guards, the broker and the journal all speak it.
 */
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

  /** Returns the action that opens a position of this side: buy for long, sell for short. */
  public OrderAction entryAction() {
    return this == LONG ? OrderAction.BUY : OrderAction.SELL;
  }

  /** Returns the action that closes a position of this side (its stop and target). */
  public OrderAction exitAction() {
    return this == LONG ? OrderAction.SELL : OrderAction.BUY;
  }
}
