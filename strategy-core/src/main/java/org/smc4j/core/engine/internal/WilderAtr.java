package org.smc4j.core.engine.internal;

/**
 * Wilder's average true range, streaming: {@code TR[0] = high - low}, {@code TR[i] = max(high, prev
 * close) - min(low, prev close)}; the first ATR is the mean of {@code TR[0..p-1]} at bar {@code
 * p-1}, then {@code atr = (atr * (p-1) + tr) / p}. A gap in the data is not seen: the previous
 * close is the previous bar given.
 */
public final class WilderAtr {

  private final int period;
  private final double periodAsDouble;
  private final double periodMinusOne;
  private int count;
  private double sum;
  private double atr;
  private double prevClose;

  /**
   * Creates the ATR.
   *
   * @param period the period, {@code >= 1}
   */
  public WilderAtr(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.period = period;
    // Exact conversions, hoisted out of the per-bar update (same doubles as before).
    this.periodAsDouble = period;
    this.periodMinusOne = period - 1;
  }

  /**
   * Adds the next bar.
   *
   * @param high its high, positive and finite
   * @param low its low, positive and finite
   * @param close its close, positive and finite
   */
  public void update(double high, double low, double close) {
    // Plain comparisons instead of Math.max/min, whose NaN and signed-zero handling costs extra
    // instructions: prices are positive and finite here, where both give the same value.
    double top = high > prevClose ? high : prevClose;
    double bottom = low < prevClose ? low : prevClose;
    double tr = count == 0 ? high - low : top - bottom;
    prevClose = close;
    count++;
    if (count < period) {
      sum += tr;
    } else if (count == period) {
      sum += tr;
      atr = sum / period;
    } else {
      atr = (atr * periodMinusOne + tr) / periodAsDouble;
    }
  }

  /** Returns true once {@code period} bars were added (from bar index {@code period - 1} on). */
  public boolean ready() {
    return count >= period;
  }

  /** Returns the current ATR; meaningful only when {@link #ready()}. */
  public double value() {
    return atr;
  }
}
