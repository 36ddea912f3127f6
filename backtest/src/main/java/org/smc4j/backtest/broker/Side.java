package org.smc4j.backtest.broker;

import org.smc4j.backtest.fill.OrderAction;

/** The direction of a position. */
public enum Side {
  /** Bought first; profits when price rises. */
  LONG(1),
  /** Sold first; profits when price falls. */
  SHORT(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** Returns {@code +1} for long, {@code -1} for short. */
  public int sign() {
    return sign;
  }

  /** Returns the action that opens a position of this side. */
  public OrderAction entryAction() {
    return this == LONG ? OrderAction.BUY : OrderAction.SELL;
  }

  /** Returns the action that closes a position of this side (its stop and target). */
  public OrderAction exitAction() {
    return this == LONG ? OrderAction.SELL : OrderAction.BUY;
  }
}
