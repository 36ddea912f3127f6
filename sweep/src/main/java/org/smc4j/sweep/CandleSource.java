package org.smc4j.sweep;

import org.smc4j.core.bar.BarArrays;

/**
 * Where a sweep's candles come from: one symbol's 5m candles over the sweep's range, as columns.
 * Implementations must be thread-safe; runners wrap them in a {@link CandleCache} so that a
 * symbol's consecutive tasks read it once per process.
 */
public interface CandleSource {

  /**
   * Returns a symbol's 5m candles over the source's range.
   *
   * @param symbol the instrument
   * @return its candles, not empty
   * @throws IllegalArgumentException when the source has no candle of the symbol in its range
   * @throws org.smc4j.marketdata.MarketDataException when the candles cannot be read
   */
  BarArrays fiveMinute(String symbol);
}
