package org.smc4j.live.scan;

import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;

/**
 * Draws the setup chart an alert carries. The scanner only sees this port; the command injects the
 * backtest report's renderer behind it.
 */
public interface SignalChartRenderer {

  /**
   * Renders one signal's chart.
   *
   * @param symbol the instrument
   * @param signal the strategy's signal
   * @param candles the latest 5m candles up to the signal
   * @return the PNG bytes
   */
  byte[] renderPng(String symbol, EntrySignal signal, BarArrays candles);

  /**
   * Loads what the first chart would otherwise pay for (fonts, the PNG encoder) so the first alert
   * does not wait. Does nothing unless overridden; must not throw.
   */
  default void warmUp() {}
}
