package org.smc4j.benchmarks.sweep;

import java.util.Map;
import java.util.Objects;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.sweep.CandleSource;

/**
 * Candles read beforehand, handed to a sweep runner so that a timed sweep parses no CSV (the
 * one-by-one anchor it is compared with does not either).
 */
final class InMemoryCandleSource implements CandleSource {

  private final Map<String, BarArrays> bars;

  InMemoryCandleSource(Map<String, BarArrays> bars) {
    this.bars = Map.copyOf(Objects.requireNonNull(bars, "bars"));
  }

  @Override
  public BarArrays fiveMinute(String symbol) {
    BarArrays b = bars.get(symbol);
    if (b == null) {
      throw new IllegalArgumentException(symbol + ": not loaded (loaded " + bars.keySet() + ")");
    }
    return b;
  }
}
