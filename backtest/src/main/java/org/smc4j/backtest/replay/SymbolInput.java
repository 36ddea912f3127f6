package org.smc4j.backtest.replay;

import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;

/**
 * One symbol's data for a backtest.
 *
 * @param symbol the instrument
 * @param fiveMinute its 5m candles, not empty
 * @param oneMinute its 1m candles to resolve stop and target in one 5m candle, or empty
 * @param spec its contract spec (tick size, contract size, lot sizes)
 */
public record SymbolInput(
    String symbol, BarArrays fiveMinute, Optional<BarArrays> oneMinute, ContractSpec spec) {

  /**
   * Validates the input.
   *
   * @throws IllegalArgumentException when the candles are empty or of the wrong timeframe
   */
  public SymbolInput {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(fiveMinute, "fiveMinute");
    Objects.requireNonNull(oneMinute, "oneMinute");
    Objects.requireNonNull(spec, "spec");
    if (fiveMinute.isEmpty()) {
      throw new IllegalArgumentException(symbol + ": no 5m candles");
    }
    if (!fiveMinute.timeframe().equals(Timeframe.M5)) {
      throw new IllegalArgumentException(
          symbol + ": fiveMinute must be 5m candles, was " + fiveMinute.timeframe());
    }
    if (oneMinute.isPresent() && !oneMinute.get().timeframe().equals(Timeframe.M1)) {
      throw new IllegalArgumentException(
          symbol + ": oneMinute must be 1m candles, was " + oneMinute.get().timeframe());
    }
  }
}
