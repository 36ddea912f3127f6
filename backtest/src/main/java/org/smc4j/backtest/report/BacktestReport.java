package org.smc4j.backtest.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.output.RunInfo;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.trading.order.Trade;

/**
 * What an HTML report shows: a finished backtest, the candles its trades are charted on, and notes
 * on how it was run (data files, contract specs, settings).
 *
 * @param title the page title
 * @param result the backtest's result
 * @param candles each traded symbol's candles (the 5m candles the backtest replayed)
 * @param notes lines shown under the title, e.g. {@code contract specs: inferred from candles}
 * @param run the run that made the report (id, start time, command line), shown under the title
 */
public record BacktestReport(
    String title,
    BacktestResult result,
    Map<String, BarArrays> candles,
    List<String> notes,
    Optional<RunInfo> run) {

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException when a traded symbol has no candles
   */
  public BacktestReport {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(result, "result");
    candles = Map.copyOf(Objects.requireNonNull(candles, "candles"));
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    Objects.requireNonNull(run, "run");
    for (Trade t : result.trades()) {
      if (!candles.containsKey(t.symbol()) || candles.get(t.symbol()).isEmpty()) {
        throw new IllegalArgumentException(
            "no candles to chart the trades of " + t.symbol() + ", have " + candles.keySet());
      }
    }
  }

  /**
   * Creates a report that names no run.
   *
   * @param title the page title
   * @param result the backtest's result
   * @param candles each traded symbol's candles
   * @param notes lines shown under the title
   */
  public BacktestReport(
      String title, BacktestResult result, Map<String, BarArrays> candles, List<String> notes) {
    this(title, result, candles, notes, Optional.empty());
  }

  /**
   * Returns this report naming the run that made it.
   *
   * @param value the run
   * @return the report with {@code run} set
   */
  public BacktestReport withRun(RunInfo value) {
    return new BacktestReport(title, result, candles, notes, Optional.of(value));
  }
}
