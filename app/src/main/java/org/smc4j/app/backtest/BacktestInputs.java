package org.smc4j.app.backtest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.validate.ValidatedCandles;
import org.smc4j.marketdata.validate.ValidationReport;

/**
 * Reads the candle files of a backtest, found by {@link
 * org.smc4j.marketdata.csv.CandleFileDiscovery}, as one series per symbol cut to {@code [from, to)}
 * by candle open time.
 */
final class BacktestInputs {

  private BacktestInputs() {}

  /** One symbol's series as read. */
  record Series(String symbol, List<Path> files, BarArrays bars, ValidationReport report) {}

  /**
   * Reads one symbol's files as one series and cuts it to {@code [from, to)}.
   *
   * @throws IllegalArgumentException when no candle of the symbol lies in the period
   * @throws MarketDataException when a file cannot be read or (strict) has a bad row or a gap
   */
  static Series read(
      String symbol,
      List<Path> files,
      Timeframe timeframe,
      CandleCsvReader reader,
      Optional<Instant> from,
      Optional<Instant> to) {
    ValidatedCandles read = reader.withTimeframe(timeframe).read(files);
    BarArrays bars = cut(read.bars(), from, to);
    if (bars.isEmpty()) {
      throw new IllegalArgumentException(
          symbol
              + ": no "
              + timeframe
              + " candles"
              + from.map(f -> " from " + f).orElse("")
              + to.map(t -> " before " + t).orElse("")
              + " in "
              + files.size()
              + " file(s)");
    }
    return new Series(symbol, files, bars, read.report());
  }

  /** Returns the candles whose open time lies in {@code [from, to)}. */
  static BarArrays cut(BarArrays bars, Optional<Instant> from, Optional<Instant> to) {
    long[] t = bars.openTimeMillisUnsafe();
    int start = from.map(f -> lowerBound(t, f.toEpochMilli())).orElse(0);
    int end = to.map(x -> lowerBound(t, x.toEpochMilli())).orElse(t.length);
    if (start == 0 && end == t.length) {
      return bars;
    }
    return bars.slice(start, Math.max(start, end));
  }

  private static int lowerBound(long[] sorted, long key) {
    int k = Arrays.binarySearch(sorted, key);
    if (k < 0) {
      return -k - 1;
    }
    while (k > 0 && sorted[k - 1] == key) {
      k--;
    }
    return k;
  }
}
