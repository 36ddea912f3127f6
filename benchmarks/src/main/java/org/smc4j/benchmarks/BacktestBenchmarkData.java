package org.smc4j.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.smc4j.backtest.replay.ReplayEvent;
import org.smc4j.backtest.replay.StrategyEngineSignalSource;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The inputs of {@link BacktestBenchmark}, loaded once per JVM (the smoke test runs every benchmark
 * method with its own trial): the four Binance USDT-M symbols, January to June 2025 of 5m candles
 * (4 x 52,128 = 208,512 bars), their inferred contract specs, the strategy's events over them, and
 * the same candles as ta4j {@code DoubleNum} bar series.
 */
final class BacktestBenchmarkData {

  /** The symbols under {@code binance-usdm}. */
  static final List<String> SYMBOLS = List.of("BTCUSDT", "SOLUSDT", "1000PEPEUSDT", "NEARUSDT");

  /** The candles replayed per benchmark operation. */
  static final int BARS = 4 * 52_128;

  private static volatile BacktestBenchmarkData instance;

  final List<SymbolInput> inputs;
  final Map<String, List<ReplayEvent>> events;
  final List<BarSeries> ta4jSeries;

  private BacktestBenchmarkData() {
    List<SymbolInput> in = new ArrayList<>();
    for (String symbol : SYMBOLS) {
      BarArrays bars =
          CandleCsvReader.STRICT
              .read(BenchmarkData.csvFiles("binance-usdm/" + symbol + "/5m"))
              .bars();
      in.add(
          new SymbolInput(symbol, bars, Optional.empty(), InferredContractSpec.from(symbol, bars)));
    }
    int total = in.stream().mapToInt(s -> s.fiveMinute().size()).sum();
    if (total != BARS) {
      throw new IllegalStateException(
          "expected " + BARS + " candles of " + SYMBOLS + " (Jan-Jun 2025), found " + total);
    }
    inputs = List.copyOf(in);
    Map<String, List<ReplayEvent>> ev = new TreeMap<>();
    StrategyEngineSignalSource source = new StrategyEngineSignalSource(StrategyConfig.DEFAULT);
    for (SymbolInput s : inputs) {
      ev.put(
          s.symbol(),
          List.copyOf(
              source.events(
                  s.symbol(), s.fiveMinute(), s.spec().tickSize().doubleValue(), n -> {})));
    }
    events = Map.copyOf(ev);
    List<BarSeries> series = new ArrayList<>();
    for (SymbolInput s : inputs) {
      series.add(toSeries(s.symbol(), s.fiveMinute()));
    }
    ta4jSeries = List.copyOf(series);
  }

  /** Returns the data, loading it on first use. */
  static BacktestBenchmarkData get() {
    BacktestBenchmarkData d = instance;
    if (d == null) {
      synchronized (BacktestBenchmarkData.class) {
        d = instance;
        if (d == null) {
          d = new BacktestBenchmarkData();
          instance = d;
        }
      }
    }
    return d;
  }

  private static BarSeries toSeries(String name, BarArrays bars) {
    BarSeries series =
        new BaseBarSeriesBuilder()
            .withName(name)
            .withNumFactory(DoubleNumFactory.getInstance())
            .build();
    Duration period = Duration.ofMillis(bars.timeframe().millis());
    for (int i = 0; i < bars.size(); i++) {
      series
          .barBuilder()
          .timePeriod(period)
          .endTime(Instant.ofEpochMilli(bars.closeTimeMillis(i)))
          .openPrice(bars.open(i))
          .highPrice(bars.high(i))
          .lowPrice(bars.low(i))
          .closePrice(bars.close(i))
          .volume(bars.volume(i))
          .add();
    }
    return series;
  }
}
