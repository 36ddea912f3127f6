package org.smc4j.marketdata.validate;

/**
 * When a bar's prices are implausible next to its neighbours' (a bad tick such as a wick 100 times
 * the price). The yardstick is the median range ({@code high - low}) of the bars around the bar:
 * the {@code window} bars before and after it, the bar itself included (at the ends of a series the
 * window is shifted inwards so that it keeps {@code 2 * window + 1} bars). A bar is a {@link
 * ProblemKind#PRICE_OUTLIER} when
 *
 * <ul>
 *   <li>its range exceeds {@code rangeMultiple} times that median, or
 *   <li>its open is further from the previous plausible bar's close than {@code jumpMultiple} times
 *       that median times the square root of the bars elapsed (after a gap of {@code g} missing
 *       bars, a random walk moves about {@code sqrt(g + 1)} times as far).
 * </ul>
 *
 * <p>The median is never taken below one basis point of the previous close, so a flat market (many
 * bars with {@code high == low}) does not turn every ordinary bar into an outlier. Series shorter
 * than {@link #MIN_BARS} bars are not checked: too few neighbours to judge.
 *
 * <p>The defaults leave a wide margin over real data: on the shared Binance and Bybit candles (BTC,
 * ETH, SOL, XRP, DOGE, NEAR, 1000PEPE; 1m, 5m, 15m; 2025-01 .. 2025-07, including the April 2025
 * sell-off) the largest range is 17.2 times its window's median and the largest jump 1.6 times. A
 * high 10 % above the price of BTC in March 2025 is about 70 times the median 5m range (0.18 % of
 * the price); a wick of 100 times the price is hundreds of thousands of times.
 *
 * @param window bars on each side of the bar in the median, {@code >= 5}
 * @param rangeMultiple a bar's range above this multiple of the median is an outlier, {@code > 1};
 *     {@link Double#POSITIVE_INFINITY} turns the range check off
 * @param jumpMultiple an open-to-previous-close jump above this multiple of the median is an
 *     outlier, {@code > 0}; {@link Double#POSITIVE_INFINITY} turns the jump check off
 */
public record PriceOutlierRule(int window, double rangeMultiple, double jumpMultiple) {

  /** The fewest bars a series needs for the check to run. */
  public static final int MIN_BARS = 21;

  /** 50 bars on each side, a range of 50 medians, a jump of 20 medians. */
  public static final PriceOutlierRule DEFAULT = new PriceOutlierRule(50, 50.0, 20.0);

  /** No price-outlier check. */
  public static final PriceOutlierRule OFF =
      new PriceOutlierRule(50, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

  /**
   * Validates the rule.
   *
   * @throws IllegalArgumentException when {@code window < 5}, {@code rangeMultiple <= 1}, {@code
   *     jumpMultiple <= 0}, or a multiple is NaN
   */
  public PriceOutlierRule {
    if (window < 5) {
      throw new IllegalArgumentException("window must be >= 5, was " + window);
    }
    if (!(rangeMultiple > 1)) {
      throw new IllegalArgumentException("rangeMultiple must be > 1, was " + rangeMultiple);
    }
    if (!(jumpMultiple > 0)) {
      throw new IllegalArgumentException("jumpMultiple must be > 0, was " + jumpMultiple);
    }
  }

  /**
   * Returns a copy with another range multiple.
   *
   * @param multiple the new range multiple
   * @return the rule
   */
  public PriceOutlierRule withRangeMultiple(double multiple) {
    return new PriceOutlierRule(window, multiple, jumpMultiple);
  }

  /**
   * Returns a copy with another jump multiple.
   *
   * @param multiple the new jump multiple
   * @return the rule
   */
  public PriceOutlierRule withJumpMultiple(double multiple) {
    return new PriceOutlierRule(window, rangeMultiple, multiple);
  }

  /**
   * Returns a copy with another window.
   *
   * @param bars the new number of bars on each side
   * @return the rule
   */
  public PriceOutlierRule withWindow(int bars) {
    return new PriceOutlierRule(bars, rangeMultiple, jumpMultiple);
  }

  /** Returns true when at least one of the two checks is on. */
  public boolean isOn() {
    return rangeMultiple != Double.POSITIVE_INFINITY || jumpMultiple != Double.POSITIVE_INFINITY;
  }
}
