package org.smc4j.benchmarks.sweep;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.benchmarks.BenchmarkData;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.ta4j.BarSeriesFactory;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.sweep.CsvCandleSource;
import org.smc4j.sweep.Objective;
import org.smc4j.sweep.RunSettings;
import org.smc4j.sweep.SweepParameters;
import org.smc4j.sweep.SweepSpec;
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * One sweep's inputs, loaded before anything is timed: the first {@code symbols} of the four
 * Binance USDT-M symbols of the shared data, {@code months} months of their 5m candles from
 * 2025-01-01, the first {@code combos} combinations of {@link SweepGrids#FULL} (strategy parameters
 * only, so that smc4j's ta4j strategy can run the same grid), the spec of that sweep, and what the
 * one-by-one anchor and ta4j need: each symbol's cut candles and inferred contract spec (as the
 * sweep's task kernel builds them), each combination's engine settings and each symbol's ta4j
 * {@code DoubleNum} bar series.
 */
final class SweepWorkload {

  /** The symbols, in the order they are taken. */
  static final List<String> SYMBOLS = List.of("BTCUSDT", "SOLUSDT", "1000PEPEUSDT", "NEARUSDT");

  /** The first candle's open time. */
  static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

  final List<String> symbols;
  final Instant to;
  final SweepSpec spec;
  final Map<String, BarArrays> bars;
  final List<SymbolInput> inputs;
  final List<BacktestSettings> settings;
  final List<RunSettings> runSettings;
  final List<BarSeries> series;

  private SweepWorkload(int symbolCount, int months, int combos) {
    if (symbolCount < 1 || symbolCount > SYMBOLS.size()) {
      throw new IllegalArgumentException(
          "symbols must be in [1, " + SYMBOLS.size() + "], was " + symbolCount);
    }
    if (months < 1 || months > 6) {
      throw new IllegalArgumentException("months must be in [1, 6], was " + months);
    }
    symbols = SYMBOLS.subList(0, symbolCount);
    to = FROM.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    spec =
        SweepSpec.of(
            symbols, FROM, to, RunSettings.DEFAULT, SweepGrids.first(combos), Objective.NET_R, 0);
    CsvCandleSource source =
        CsvCandleSource.of(
            BenchmarkData.dataDir().resolve("binance-usdm"), CandleCsvReader.STRICT, FROM, to);
    Map<String, BarArrays> loaded = new LinkedHashMap<>();
    List<SymbolInput> in = new ArrayList<>();
    List<BarSeries> s = new ArrayList<>();
    for (String symbol : symbols) {
      BarArrays b = source.fiveMinute(symbol);
      loaded.put(symbol, b);
      BarArrays cut = CsvCandleSource.cut(b, FROM, to);
      in.add(
          new SymbolInput(symbol, cut, Optional.empty(), InferredContractSpec.from(symbol, cut)));
      s.add(BarSeriesFactory.of(cut, symbol, DoubleNumFactory.getInstance()));
    }
    bars = Map.copyOf(loaded);
    inputs = List.copyOf(in);
    series = List.copyOf(s);
    List<RunSettings> rs = new ArrayList<>();
    List<BacktestSettings> bs = new ArrayList<>();
    for (long c = 0; c < spec.grid().size(); c++) {
      RunSettings r = SweepParameters.apply(RunSettings.DEFAULT, spec.grid().at(c));
      rs.add(r);
      bs.add(r.toBacktestSettings());
    }
    runSettings = List.copyOf(rs);
    settings = List.copyOf(bs);
  }

  /**
   * Loads a workload.
   *
   * @param symbols how many symbols, 1 to 4
   * @param months how many months from January 2025, 1 to 6
   * @param combos how many combinations of {@link SweepGrids#FULL}, from its first
   * @return the workload
   * @throws IllegalArgumentException when a size is out of range
   */
  static SweepWorkload load(int symbols, int months, int combos) {
    return new SweepWorkload(symbols, months, combos);
  }

  /** Returns the number of 5m bars of all symbols. */
  long bars() {
    return inputs.stream().mapToLong(i -> i.fiveMinute().size()).sum();
  }

  /** Returns the number of backtests of one sweep: symbols x combinations. */
  long backtests() {
    return (long) symbols.size() * settings.size();
  }

  /** Describes the size, e.g. {@code 4 symbols x 6 months (208,512 bars) x 200 combinations}. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%d symbols x %s .. %s (%,d 5m bars) x %d combinations = %,d backtests",
        symbols.size(),
        FROM,
        to,
        bars(),
        settings.size(),
        backtests());
  }
}
