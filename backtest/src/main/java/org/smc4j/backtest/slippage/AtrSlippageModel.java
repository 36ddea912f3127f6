package org.smc4j.backtest.slippage;

import java.util.OptionalDouble;
import org.smc4j.core.atr.WilderAtr;

/**
 * Slippage as a fraction of the entry timeframe's Wilder ATR known at the previous close (the
 * strategy's {@link WilderAtr}); during the ATR warm-up (no ATR yet) it falls back to {@code
 * fallbackTicks} ticks.
 *
 * @param atrFraction the fraction of ATR, in {@code [0, 1]}
 * @param fallbackTicks the ticks used while no ATR is known, {@code >= 0}
 * @param atrPeriod the ATR's period, {@code >= 1}; by default the strategy's default, {@link
 *     WilderAtr#DEFAULT_PERIOD}, so that both measure the same ATR
 */
public record AtrSlippageModel(double atrFraction, int fallbackTicks, int atrPeriod)
    implements SlippageModel {

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException when {@code atrFraction} is not in {@code [0, 1]}, {@code
   *     fallbackTicks < 0} or {@code atrPeriod < 1}
   */
  public AtrSlippageModel {
    if (!Double.isFinite(atrFraction) || atrFraction < 0 || atrFraction > 1) {
      throw new IllegalArgumentException("atrFraction must be in [0, 1], was " + atrFraction);
    }
    if (fallbackTicks < 0) {
      throw new IllegalArgumentException("fallbackTicks must be >= 0, was " + fallbackTicks);
    }
    if (atrPeriod < 1) {
      throw new IllegalArgumentException("atrPeriod must be >= 1, was " + atrPeriod);
    }
  }

  /**
   * Creates the model over the ATR of the default period, {@link WilderAtr#DEFAULT_PERIOD}.
   *
   * @param atrFraction the fraction of ATR, in {@code [0, 1]}
   * @param fallbackTicks the ticks used while no ATR is known, {@code >= 0}
   * @throws IllegalArgumentException when a parameter is out of range
   */
  public AtrSlippageModel(double atrFraction, int fallbackTicks) {
    this(atrFraction, fallbackTicks, WilderAtr.DEFAULT_PERIOD);
  }

  @Override
  public double slippage(double referencePrice, double tickSize, OptionalDouble atr) {
    return atr.isPresent() ? atr.getAsDouble() * atrFraction : fallbackTicks * tickSize;
  }
}
