package org.smc4j.sweep;

import java.util.Objects;
import org.smc4j.backtest.metrics.PerformanceMetrics;

/**
 * The result of one combination on one symbol in one window: the parameters and the metrics the
 * backtest computes for them ({@link org.smc4j.backtest.metrics.MetricsCalculator}, as {@code smc4j
 * backtest} prints them): trades, win rate, gross and net R, net $, fees, funding, profit factor,
 * maximum drawdown, Sharpe and the rest.
 *
 * @param symbol the instrument
 * @param window the window
 * @param combo the combination's index in the grid
 * @param params the combination
 * @param metrics the backtest's metrics, scoped to the symbol
 */
public record ResultRow(
    String symbol, SweepWindow window, long combo, ParamSet params, PerformanceMetrics metrics) {

  /**
   * Validates the row.
   *
   * @throws IllegalArgumentException when the combination index is negative
   */
  public ResultRow {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(metrics, "metrics");
    if (combo < 0) {
      throw new IllegalArgumentException("combo must be >= 0, was " + combo);
    }
  }
}
