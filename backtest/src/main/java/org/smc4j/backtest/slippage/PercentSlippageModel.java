package org.smc4j.backtest.slippage;

import java.util.OptionalDouble;

/**
 * Slippage as a fraction of the reference price.
 *
 * @param fraction the fraction ({@code 0.0005} = 0.05 %), in {@code [0, 0.05]}
 */
public record PercentSlippageModel(double fraction) implements SlippageModel {

  /**
   * Validates the fraction.
   *
   * @throws IllegalArgumentException when the fraction is not finite or outside {@code [0, 0.05]}
   */
  public PercentSlippageModel {
    if (!Double.isFinite(fraction) || fraction < 0 || fraction > 0.05) {
      throw new IllegalArgumentException(
          "fraction must be in [0, 0.05] (0.0005 = 0.05 %), was " + fraction);
    }
  }

  @Override
  public double slippage(double referencePrice, double tickSize, OptionalDouble atr) {
    return referencePrice * fraction;
  }

  /** Returns false: the slippage does not depend on the ATR. */
  @Override
  public boolean usesAtr() {
    return false;
  }
}
