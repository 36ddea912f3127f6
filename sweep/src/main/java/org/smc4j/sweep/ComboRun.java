package org.smc4j.sweep;

import java.util.List;
import java.util.Objects;
import org.smc4j.trading.order.Trade;

/**
 * One backtest of a sweep with its trades, for callers that need more than the row (walk-forward
 * equity curves, daily returns).
 *
 * @param row the result row
 * @param trades the closed trades, in the order they closed
 */
public record ComboRun(ResultRow row, List<Trade> trades) {

  /** Copies the trades. */
  public ComboRun {
    Objects.requireNonNull(row, "row");
    trades = List.copyOf(Objects.requireNonNull(trades, "trades"));
  }
}
