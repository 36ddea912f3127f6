package org.smc4j.backtest.slippage;

import java.util.OptionalDouble;
import org.smc4j.core.atr.WilderAtr;

/**
 * Tells how far against the trader a taker fill lands from its reference price (the open for market
 * orders, the stop price or the gapped open for stops). Limit fills never slip.
 *
 * <p>The amount is a non-negative price distance; the broker applies it in the adverse direction (a
 * long buys higher and sells lower).
 */
public interface SlippageModel {

  /** The default of STRATEGY.md section 9: one tick. */
  SlippageModel DEFAULT = new TickSlippageModel(1);

  /**
   * Returns the adverse price distance of one taker fill.
   *
   * @param referencePrice the price the order would fill at without slippage, {@code > 0}
   * @param tickSize the instrument's tick size, {@code > 0}
   * @param atr the Wilder ATR ({@link #atrPeriod()}) of the entry timeframe known at the previous
   *     close, empty during warm-up
   * @return the distance, finite and {@code >= 0}
   */
  double slippage(double referencePrice, double tickSize, OptionalDouble atr);

  /**
   * Tells whether this model reads the ATR; the broker computes the ATR only for models that do.
   *
   * @return true unless the model says otherwise
   */
  default boolean usesAtr() {
    return true;
  }

  /**
   * Returns the period of the ATR the broker passes to {@link #slippage}.
   *
   * @return the period, {@code >= 1}; by default the strategy's default, {@link
   *     WilderAtr#DEFAULT_PERIOD}
   */
  default int atrPeriod() {
    return WilderAtr.DEFAULT_PERIOD;
  }
}
