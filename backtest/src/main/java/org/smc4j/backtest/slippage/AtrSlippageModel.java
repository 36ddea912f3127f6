package org.smc4j.backtest.slippage;

import java.util.OptionalDouble;

/**
 * Slippage as a fraction of the entry timeframe's ATR14 known at the previous close; during the ATR
 * warm-up (no ATR yet) it falls back to {@code fallbackTicks} ticks.
 *
 * @param atrFraction the fraction of ATR, in {@code [0, 1]}
 * @param fallbackTicks the ticks used while no ATR is known, {@code >= 0}
 */
public record AtrSlippageModel(double atrFraction, int fallbackTicks) implements SlippageModel {

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException when {@code atrFraction} is not in {@code [0, 1]} or {@code
   *     fallbackTicks < 0}
   */
  public AtrSlippageModel {
    if (!Double.isFinite(atrFraction) || atrFraction < 0 || atrFraction > 1) {
      throw new IllegalArgumentException("atrFraction must be in [0, 1], was " + atrFraction);
    }
    if (fallbackTicks < 0) {
      throw new IllegalArgumentException("fallbackTicks must be >= 0, was " + fallbackTicks);
    }
  }

  @Override
  public double slippage(double referencePrice, double tickSize, OptionalDouble atr) {
    return atr.isPresent() ? atr.getAsDouble() * atrFraction : fallbackTicks * tickSize;
  }
}
