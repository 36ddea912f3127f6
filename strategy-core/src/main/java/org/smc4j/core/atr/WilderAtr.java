package org.smc4j.core.atr;

/**
 * Wilder's average true range over closed bars, streaming (STRATEGY.md "ATR14" with the period a
 * parameter): {@code TR[0] = high - low}, {@code TR[i] = max(high, prev close) - min(low, prev
 * close)}; the first ATR is the mean of {@code TR[0..p-1]} at bar {@code p-1}, then {@code atr =
 * (atr * (p-1) + tr) / p}. A gap in the data is not seen: the previous close is the previous bar
 * given.
 *
 * <p>When known: {@link #value()} after a bar's {@link #update} is the ATR at that bar's close; it
 * exists from bar {@code period - 1} on ({@link #ready()}). No allocation after construction; not
 * thread-safe (one instance per series, fed by one thread).
 */
public final class WilderAtr {

  /** The period of STRATEGY.md's ATR14 and of {@code strategy.atr-period}'s default. */
  public static final int DEFAULT_PERIOD = 14;

  private final int period;
  private final double periodAsDouble;
  private final double periodMinusOne;
  private int count;
  private double sum;
  private double atr;
  private double prevClose;

  /**
   * Creates the ATR with no bars yet.
   *
   * @param period the period, {@code >= 1}
   * @throws IllegalArgumentException when the period is below 1
   */
  public WilderAtr(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.period = period;
    // Exact conversions, hoisted out of the per-bar update.
    this.periodAsDouble = period;
    this.periodMinusOne = period - 1;
  }

  /**
   * Adds the next closed bar.
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

  /**
   * Returns the period.
   *
   * @return the period, {@code >= 1}
   */
  public int period() {
    return period;
  }

  /**
   * Tells whether the ATR exists: true once {@code period} bars were added (from bar index {@code
   * period - 1} on).
   *
   * @return true when {@link #value()} is meaningful
   */
  public boolean ready() {
    return count >= period;
  }

  /**
   * Returns the ATR at the last bar's close; meaningful only when {@link #ready()} (0 before).
   *
   * @return the ATR
   */
  public double value() {
    return atr;
  }
}
