package org.smc4j.benchmarks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.signal.Side;
import org.smc4j.core.structure.Direction;
import org.smc4j.core.ta4j.BarSeriesFactory;
import org.smc4j.core.ta4j.BreakOfStructureIndicator;
import org.smc4j.core.ta4j.EntrySignalIndicator;
import org.smc4j.core.ta4j.FairValueGapIndicator;
import org.smc4j.core.ta4j.FibonacciLevel;
import org.smc4j.core.ta4j.FibonacciLevelIndicator;
import org.smc4j.core.ta4j.PointOfInterestIndicator;
import org.smc4j.core.ta4j.StrategySeries;
import org.smc4j.core.ta4j.SwingPointIndicator;
import org.smc4j.core.ta4j.SwingSeries;
import org.smc4j.core.ta4j.ZoneEdge;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.RecentSwingHighIndicator;
import org.ta4j.core.indicators.RecentSwingLowIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * The ta4j-indicator path over the 52,128 real BTCUSDT 5m bars of 2025H1 (a {@code DoubleNum}
 * {@code BarSeries} built once in the setup), in ns per 5m bar: every operation builds fresh
 * indicators over the series and reads every bar's value in bar order, so it includes the swing
 * detector's or the whole engine's (both timeframes) pass behind the smc4j indicators and every
 * cache fill behind ta4j's.
 *
 * <ul>
 *   <li>{@code smc4jSwingsOnly}: smc4j's latest known swing high and low of the series computed
 *       alone ({@link SwingPointIndicator#high(SwingSeries)} and {@code low} over one {@link
 *       SwingSeries}, L = R = 2): the same swings as the engine's 5m swings, nothing else;
 *   <li>{@code smc4jSwings}: the same values from the strategy engine ({@link
 *       SwingPointIndicator#high(StrategySeries, Timeframe)}), which runs every rule behind them;
 *   <li>{@code ta4jSwings}: the same question asked with ta4j 0.21's own classes, {@link
 *       RecentSwingHighIndicator} and {@link RecentSwingLowIndicator} with 2 bars each side (ta4j
 *       also wants the right-hand bars strictly lower, where the strategy allows equal ones);
 *   <li>{@code smc4jAllIndicators}: all 23 smc4j indicators (swings of both timeframes, breaks,
 *       Fibonacci levels, gaps, POI, signals) read at every bar.
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Ta4jIndicator}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Ta4jIndicatorBenchmark {

  /** The number of 5m bars of the six BTCUSDT files, one JMH operation each. */
  static final int BARS = 52_128;

  /** The symbol folder under {@code binance-usdm}. */
  @Param({"BTCUSDT"})
  public String symbol;

  private BarSeries series;

  /** Creates the benchmark state (JMH). */
  public Ta4jIndicatorBenchmark() {}

  /**
   * Reads the candles into a ta4j series.
   *
   * @throws IllegalStateException when the files do not hold {@value #BARS} bars
   */
  @Setup
  public void load() {
    BarArrays bars =
        CandleCsvReader.LENIENT
            .read(BenchmarkData.csvFiles("binance-usdm/" + symbol + "/5m"))
            .bars();
    if (bars.size() != BARS || !bars.timeframe().equals(Timeframe.M5)) {
      throw new IllegalStateException(
          "expected " + BARS + " 5m bars of " + symbol + ", found " + bars);
    }
    series = BarSeriesFactory.of(bars, symbol, DoubleNumFactory.getInstance());
  }

  /**
   * smc4j's swing-only indicators: one swing detector over the series (high and low of each bar
   * read once), two lookups per bar.
   *
   * @return the sum of all values (so nothing is optimised away)
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public double smc4jSwingsOnly() {
    SwingSeries swings = SwingSeries.of(series, 2, 2);
    return sum(List.of(SwingPointIndicator.high(swings), SwingPointIndicator.low(swings)));
  }

  /**
   * smc4j's swing indicators: one engine run over the series (recording swing events only; the
   * engine still runs every rule), two array reads per bar.
   *
   * @return the sum of all values (so nothing is optimised away)
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public double smc4jSwings() {
    StrategySeries smc =
        StrategySeries.of(
            series, StrategyConfig.DEFAULT, 0.1, EnumSet.of(StrategyEventKind.SWING_5M));
    return sum(
        List.of(
            SwingPointIndicator.high(smc, Timeframe.M5),
            SwingPointIndicator.low(smc, Timeframe.M5)));
  }

  /**
   * ta4j's swing indicators over the same series.
   *
   * @return the sum of all values
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public double ta4jSwings() {
    return sum(
        List.of(new RecentSwingHighIndicator(series, 2), new RecentSwingLowIndicator(series, 2)));
  }

  /**
   * Every smc4j indicator over the series.
   *
   * @return the sum of all values
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public double smc4jAllIndicators() {
    StrategySeries smc = StrategySeries.of(series, StrategyConfig.DEFAULT, 0.1);
    List<Indicator<Num>> all = new ArrayList<>();
    for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M15)) {
      all.add(SwingPointIndicator.high(smc, tf));
      all.add(SwingPointIndicator.low(smc, tf));
      for (Direction d : Direction.values()) {
        all.add(new FairValueGapIndicator(smc, tf, d, ZoneEdge.TOP));
        all.add(new FairValueGapIndicator(smc, tf, d, ZoneEdge.BOTTOM));
      }
    }
    for (Direction d : Direction.values()) {
      all.add(new BreakOfStructureIndicator(smc, d));
    }
    for (FibonacciLevel level : FibonacciLevel.values()) {
      all.add(new FibonacciLevelIndicator(smc, level));
    }
    all.add(new PointOfInterestIndicator(smc, ZoneEdge.TOP));
    all.add(new PointOfInterestIndicator(smc, ZoneEdge.BOTTOM));
    for (Side side : Side.values()) {
      all.add(new EntrySignalIndicator(smc, side));
    }
    return sum(all);
  }

  private double sum(List<? extends Indicator<Num>> indicators) {
    double sum = 0;
    int n = series.getBarCount();
    // bar by bar, every indicator at each bar, as a ta4j strategy reads them
    for (int i = 0; i < n; i++) {
      for (Indicator<Num> ind : indicators) {
        Num v = ind.getValue(i);
        if (!v.isNaN()) {
          sum += v.doubleValue();
        }
      }
    }
    return sum;
  }
}
