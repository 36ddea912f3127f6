package org.smc4j.backtest.slippage;

import java.util.OptionalDouble;

/**
 * Slippage of a fixed number of ticks.
 *
 * @param ticks the number of ticks, {@code >= 0}
 */
public record TickSlippageModel(int ticks) implements SlippageModel {

  /**
   * Validates the tick count.
   *
   * @throws IllegalArgumentException when {@code ticks < 0}
   */
  public TickSlippageModel {
    if (ticks < 0) {
      throw new IllegalArgumentException("ticks must be >= 0, was " + ticks);
    }
  }

  @Override
  public double slippage(double referencePrice, double tickSize, OptionalDouble atr) {
    return ticks * tickSize;
  }

  /** Returns false: the slippage does not depend on the ATR. */
  @Override
  public boolean usesAtr() {
    return false;
  }
}
