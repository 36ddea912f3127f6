package org.smc4j.backtest.report;

/**
 * A Fibonacci retracement level of the impulse leg.
 *
 * @param ratio the retracement ratio, e.g. 0.618, in {@code (0, 1)}
 * @param price the level's price, finite and {@code > 0}
 */
public record FibLine(double ratio, double price) {

  /**
   * Validates the line.
   *
   * @throws IllegalArgumentException when the ratio is outside {@code (0, 1)} or the price is not
   *     finite and positive
   */
  public FibLine {
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException("ratio must be in (0, 1), was " + ratio);
    }
    SetupChart.checkPrice("fib " + ratio, price);
  }

  /**
   * Returns the line at {@code price} of the leg from {@code legStart} to {@code legEnd}: the ratio
   * is {@code (legEnd - price) / (legEnd - legStart)}, rounded to 3 decimals (the configured ratios
   * have at most 3).
   *
   * @param legStart the leg's start price
   * @param legEnd the leg's end price, not equal to the start
   * @param price a Fibonacci price of the leg
   * @return the line
   * @throws IllegalArgumentException when the leg is empty or the price is outside it
   */
  public static FibLine ofLeg(double legStart, double legEnd, double price) {
    if (!(legEnd != legStart) || !Double.isFinite(legEnd - legStart)) {
      throw new IllegalArgumentException(
          "leg must have distinct finite ends, was " + legStart + " to " + legEnd);
    }
    double ratio = Math.rint((legEnd - price) / (legEnd - legStart) * 1000) / 1000;
    return new FibLine(ratio, price);
  }
}
