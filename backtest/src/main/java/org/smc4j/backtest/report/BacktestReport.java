package org.smc4j.backtest.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 */
public record BacktestReport(
    String title, BacktestResult result, Map<String, BarArrays> candles, List<String> notes) {

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
    for (Trade t : result.trades()) {
      if (!candles.containsKey(t.symbol())) {
        throw new IllegalArgumentException(
            "no candles to chart the trades of " + t.symbol() + ", have " + candles.keySet());
      }
    }
  }
}
