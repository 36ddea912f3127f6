package org.smc4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ReplayEvent;
import org.smc4j.backtest.replay.SignalSource;
import org.smc4j.backtest.replay.StrategyEngineSignalSource;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.trading.journal.Journal;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;

/**
 * The backtest engine over 4 symbols x 6 months of real Binance USDT-M 5m candles (208,512 bars),
 * without journal or report, one thread, in nanoseconds per bar ({@code OperationsPerInvocation} =
 * bars), beside ta4j 0.21's {@link BarSeriesManager} ({@code DoubleNum}) on the same bars:
 *
 * <ul>
 *   <li>{@code strategySignals}: detection only, the strategy engine's signal source over each
 *       symbol (what the engine's first phase does);
 *   <li>{@code engineEventLoop}: the engine with the strategy's events computed beforehand: the
 *       time-merged event loop with broker, sizing, fills, fees and funding, on top of detection;
 *   <li>{@code engineFull}: the engine end to end (detection and event loop);
 *   <li>{@code ta4jBarSeriesManager}: a comparable ta4j strategy per symbol, enter long when the
 *       close is above the previous 24 bars' highest high, exit at a 1 % stop loss or a 2 % stop
 *       gain (2R), the indicators built fresh per run as a new backtest would.
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar BacktestBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BacktestBenchmark {

  private BacktestBenchmarkData data;
  private BacktestEngine full;
  private BacktestEngine loopOnly;

  /** Creates the benchmark state (JMH). */
  public BacktestBenchmark() {}

  /** Loads the candles (once per JVM) and builds the engines. */
  @Setup
  public void setUp() {
    data = BacktestBenchmarkData.get();
    BacktestSettings settings = BacktestSettings.defaults(StrategyConfig.DEFAULT).withThreads(1);
    full = new BacktestEngine(settings);
    SignalSource precomputed = new PrecomputedSignals(data);
    loopOnly = new BacktestEngine(settings.withSignals(precomputed));
  }

  /** Replays events computed beforehand, so that an engine run measures its event loop only. */
  private record PrecomputedSignals(BacktestBenchmarkData data) implements SignalSource {
    @Override
    public List<ReplayEvent> events(
        String symbol,
        org.smc4j.core.bar.BarArrays fiveMinute,
        double tickSize,
        java.util.function.IntConsumer progress) {
      return data.events.get(symbol);
    }
  }

  /**
   * Detection only.
   *
   * @return the number of events
   */
  @Benchmark
  @OperationsPerInvocation(BacktestBenchmarkData.BARS)
  public int strategySignals() {
    StrategyEngineSignalSource source = new StrategyEngineSignalSource(StrategyConfig.DEFAULT);
    int n = 0;
    for (SymbolInput s : data.inputs) {
      n +=
          source
              .events(s.symbol(), s.fiveMinute(), s.spec().tickSize().doubleValue(), k -> {})
              .size();
    }
    return n;
  }

  /**
   * The event loop on precomputed events.
   *
   * @return the result
   */
  @Benchmark
  @OperationsPerInvocation(BacktestBenchmarkData.BARS)
  public BacktestResult engineEventLoop() {
    return loopOnly.run(data.inputs, Journal.NONE, (done, total) -> {});
  }

  /**
   * The whole engine.
   *
   * @return the result
   */
  @Benchmark
  @OperationsPerInvocation(BacktestBenchmarkData.BARS)
  public BacktestResult engineFull() {
    return full.run(data.inputs, Journal.NONE, (done, total) -> {});
  }

  /**
   * ta4j's bar series manager on a comparable strategy.
   *
   * @return the number of closed positions
   */
  @Benchmark
  @OperationsPerInvocation(BacktestBenchmarkData.BARS)
  public int ta4jBarSeriesManager() {
    int positions = 0;
    for (BarSeries series : data.ta4jSeries) {
      ClosePriceIndicator close = new ClosePriceIndicator(series);
      PreviousValueIndicator previousHigh =
          new PreviousValueIndicator(
              new HighestValueIndicator(new HighPriceIndicator(series), 24), 1);
      Strategy strategy =
          new BaseStrategy(
              new OverIndicatorRule(close, previousHigh),
              new StopLossRule(close, 1.0).or(new StopGainRule(close, 2.0)));
      TradingRecord record = new BarSeriesManager(series).run(strategy);
      positions += record.getPositionCount();
    }
    return positions;
  }
}
