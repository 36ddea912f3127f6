package org.smc4j.backtest.broker.internal;

import java.util.OptionalDouble;

/**
 * An incremental Wilder ATR14 as STRATEGY.md defines it: TR[0] = high - low, then the true range;
 * the first ATR is the mean of TR[0..13] at bar 13, then {@code atr = (atr * 13 + tr) / 14}.
 * Updated once per closed bar; {@link #value()} is the ATR known at the last close.
 */
public final class WilderAtr {

  private static final int PERIOD = 14;

  private int count;
  private double prevClose;
  private double sum;
  private double atr;

  /** Creates an ATR with no bars yet. */
  public WilderAtr() {}

  /**
   * Adds one closed bar.
   *
   * @param high the bar's high
   * @param low the bar's low
   * @param close the bar's close
   */
  public void update(double high, double low, double close) {
    double tr = count == 0 ? high - low : Math.max(high, prevClose) - Math.min(low, prevClose);
    if (count < PERIOD) {
      sum += tr;
      if (count == PERIOD - 1) {
        atr = sum / PERIOD;
      }
    } else {
      atr = (atr * (PERIOD - 1) + tr) / PERIOD;
    }
    count++;
    prevClose = close;
  }

  /** Returns the ATR after the last bar, or empty before bar 13. */
  public OptionalDouble value() {
    return count >= PERIOD ? OptionalDouble.of(atr) : OptionalDouble.empty();
  }
}
