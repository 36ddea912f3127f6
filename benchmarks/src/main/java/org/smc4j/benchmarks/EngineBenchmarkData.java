package org.smc4j.benchmarks;

import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.resample.CandleResampler;

/**
 * The candles of the engine benchmarks: the six monthly Binance USDT-M BTCUSDT 5m files of
 * 2025-01..06 as one validated series, and their 15m candles resampled from it. Loaded once per JVM
 * (about 10 ms), so the smoke test's many parameter combinations stay cheap.
 */
final class EngineBenchmarkData {

  private static BarArrays fiveMinute;

  private EngineBenchmarkData() {}

  /**
   * Returns the 52,128 BTCUSDT 5m bars.
   *
   * @throws IllegalStateException when the data is missing or does not hold {@link
   *     EngineBenchmark#BARS} bars (the per-bar figures would then be wrong)
   */
  static synchronized BarArrays btcusdt5m() {
    if (fiveMinute == null) {
      BarArrays bars =
          CandleCsvReader.STRICT
              .withTimeframe(Timeframe.M5)
              .read(BenchmarkData.csvFiles("binance-usdm/BTCUSDT/5m"))
              .bars();
      if (bars.size() != EngineBenchmark.BARS) {
        throw new IllegalStateException(
            "binance-usdm/BTCUSDT/5m must hold "
                + EngineBenchmark.BARS
                + " bars (2025-01..06), held "
                + bars.size());
      }
      fiveMinute = bars;
    }
    return fiveMinute;
  }

  /**
   * Returns the complete 15m buckets of the given 5m bars.
   *
   * @param fiveMinute 5m bars
   * @return the 15m bars
   */
  static BarArrays resample15m(BarArrays fiveMinute) {
    return CandleResampler.resample(fiveMinute, Timeframe.M15).bars();
  }
}
