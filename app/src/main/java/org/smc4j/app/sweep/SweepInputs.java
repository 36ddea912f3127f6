package org.smc4j.app.sweep;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.smc4j.app.config.ConfigException;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.sweep.CandleCache;
import org.smc4j.sweep.CsvCandleSource;
import org.smc4j.sweep.FundingHistories;

/**
 * Reads every symbol's candles of a sweep once, before any backtest, and refuses a symbol without
 * candles or a range the data does not cover (to within a day at either end); reads the funding
 * histories.
 */
public final class SweepInputs {

  private static final Duration SLACK = Duration.ofDays(1);

  private SweepInputs() {}

  public static CandleCache candles(SweepJob job) {
    if (!Files.isDirectory(job.data())) {
      throw new ConfigException("data", "no such folder: " + job.data());
    }
    CsvCandleSource source =
        CsvCandleSource.of(job.data(), CandleCsvReader.STRICT, job.spec().from(), job.spec().to());
    CandleCache cache = new CandleCache(source, Math.max(4, job.spec().symbols().size()));
    for (String symbol : job.spec().symbols()) {
      if (!source.symbols().contains(symbol)) {
        throw new ConfigException(
            "symbols",
            symbol
                + " has no 5m candle files in "
                + job.data()
                + " (found "
                + source.symbols()
                + ")");
      }
      BarArrays bars;
      try {
        bars = cache.fiveMinute(symbol);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("symbols", e.getMessage(), e);
      }
      Instant first = bars.openTime(0);
      Instant last = bars.openTime(bars.size() - 1);
      if (first.isAfter(job.spec().from().plus(SLACK))) {
        throw new ConfigException(
            "from",
            job.spec().from()
                + " is before "
                + symbol
                + "'s first 5m candle "
                + first
                + ": the range is longer than the data");
      }
      if (last.isBefore(job.spec().to().minus(SLACK))) {
        throw new ConfigException(
            "to",
            job.spec().to()
                + " is after "
                + symbol
                + "'s last 5m candle "
                + last
                + ": the range is longer than the data");
      }
    }
    return cache;
  }

  public static FundingHistories funding(SweepJob job) {
    if (job.funding().isEmpty()) {
      return FundingHistories.NONE;
    }
    try {
      return FundingHistories.read(job.funding().get());
    } catch (IllegalArgumentException | MarketDataException e) {
      throw new ConfigException("funding", e.getMessage(), e);
    }
  }
}
