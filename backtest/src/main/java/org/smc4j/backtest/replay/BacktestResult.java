package org.smc4j.backtest.replay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.Trade;

/**
 * What a backtest produced, with the symbols that failed beside the results.
 *
 * @param trades the closed trades, in the order they closed
 * @param signals every signal with its decision, in the order they were made
 * @param cancellations the cancelled entries
 * @param failures the symbols that could not be replayed
 * @param from the earliest candle open of the replayed symbols
 * @param to the latest candle close of the replayed symbols
 * @param bars the number of 5m candles replayed
 */
public record BacktestResult(
    List<Trade> trades,
    List<SignalRecord> signals,
    List<OrderCancellation> cancellations,
    List<SymbolFailure> failures,
    Instant from,
    Instant to,
    long bars) {

  /** Copies the lists. */
  public BacktestResult {
    trades = List.copyOf(Objects.requireNonNull(trades, "trades"));
    signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
    cancellations = List.copyOf(Objects.requireNonNull(cancellations, "cancellations"));
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
