package org.smc4j.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.trading.journal.Journal;

/**
 * The one task kernel every runner calls, so that every runner's rows are identical by
 * construction. Each combination is a single-symbol backtest through {@link BacktestEngine}, with
 * the settings {@code smc4j backtest} builds ({@link RunSettings#toBacktestSettings()}), the
 * contract spec it infers from the candles of the window ({@link InferredContractSpec}), and the
 * metrics it prints ({@link MetricsCalculator}). This is the only class of the sweep that drives
 * the backtest. Stateless and thread-safe.
 */
public final class TaskExecutor {

  private final SweepSpec spec;
  private final FundingHistories funding;

  /**
   * Creates the kernel of a spec, charging the constant funding rate.
   *
   * @param spec the sweep
   */
  public TaskExecutor(SweepSpec spec) {
    this(spec, FundingHistories.NONE);
  }

  /**
   * Creates the kernel of a spec with funding histories ({@code smc4j backtest --funding}).
   *
   * @param spec the sweep
   * @param funding the histories, {@link FundingHistories#NONE} for the constant rate
   */
  public TaskExecutor(SweepSpec spec, FundingHistories funding) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.funding = Objects.requireNonNull(funding, "funding");
  }

  /**
   * Runs one task: every combination of its block, in index order.
   *
   * @param task the task
   * @param source the candles (usually a {@link CandleCache})
   * @return one row per combination, in index order
   * @throws IllegalArgumentException when the window holds no candle of the symbol
   * @throws IllegalStateException when the backtest fails
   */
  public List<ResultRow> run(SweepTask task, CandleSource source) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(source, "source");
    SymbolInput input = input(task.symbol(), task.window(), source);
    List<ResultRow> rows = new ArrayList<>((int) task.combos());
    for (long c = task.comboFrom(); c < task.comboTo(); c++) {
      rows.add(backtest(input, task.window(), c, spec.grid().at(c)).row());
    }
    return rows;
  }

  /**
   * Runs one combination of the grid on one symbol in one window, keeping its trades.
   *
   * @param symbol the instrument
   * @param window the window
   * @param combo the combination's index in the grid
   * @param source the candles
   * @return the row and the trades
   */
  public ComboRun run(String symbol, SweepWindow window, long combo, CandleSource source) {
    return backtest(input(symbol, window, source), window, combo, spec.grid().at(combo));
  }

  private static SymbolInput input(String symbol, SweepWindow window, CandleSource source) {
    BarArrays bars = CsvCandleSource.cut(source.fiveMinute(symbol), window.from(), window.to());
    if (bars.isEmpty()) {
      throw new IllegalArgumentException(
          symbol
              + ": no 5m candles in window "
              + window.index()
              + " ["
              + window.from()
              + ", "
              + window.to()
              + ")");
    }
    return new SymbolInput(symbol, bars, Optional.empty(), InferredContractSpec.from(symbol, bars));
  }

  private ComboRun backtest(SymbolInput input, SweepWindow window, long combo, ParamSet params) {
    RunSettings settings = SweepParameters.apply(spec.base(), params);
    BacktestSettings backtest = settings.toBacktestSettings();
    backtest =
        backtest.withModels(backtest.models().withFunding(funding.model(input.symbol(), settings)));
    BacktestResult result =
        new BacktestEngine(backtest).run(List.of(input), Journal.NONE, ProgressListener.NONE);
    if (!result.failures().isEmpty()) {
      throw new IllegalStateException(
          input.symbol()
              + " window "
              + window.index()
              + " combination "
              + combo
              + ": "
              + result.failures().get(0).message());
    }
    PerformanceMetrics metrics =
        MetricsCalculator.compute(input.symbol(), result.trades(), result.from(), result.to());
    return new ComboRun(
        new ResultRow(input.symbol(), window, combo, params, metrics), result.trades());
  }
}
