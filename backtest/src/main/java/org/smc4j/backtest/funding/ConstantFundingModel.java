package org.smc4j.backtest.funding;

import java.util.Objects;

/**
 * The same funding rate at every settlement of every symbol.
 *
 * @param rate the rate per interval as a fraction, in {@code [-0.05, 0.05]}
 */
public record ConstantFundingModel(double rate) implements FundingModel {

  /**
   * Validates the rate.
   *
   * @throws IllegalArgumentException when the rate is not finite or outside {@code [-0.05, 0.05]}
   */
  public ConstantFundingModel {
    if (!Double.isFinite(rate) || Math.abs(rate) > 0.05) {
      throw new IllegalArgumentException(
          "rate must be a fraction in [-0.05, 0.05] (0.0001 = 0.01 %), was " + rate);
    }
  }

  @Override
  public double rate(String symbol, long settlementMillis) {
    Objects.requireNonNull(symbol, "symbol");
    return rate;
  }
}
