package org.smc4j.trading.journal;

import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.Trade;

/**
 * Where a backtest writes every signal, cancellation and trade. Implementations are thread-safe:
 * symbols replayed in parallel write to one journal.
 */
public interface Journal extends AutoCloseable {

  /** A journal that keeps nothing (for benchmarks). */
  Journal NONE =
      new Journal() {
        @Override
        public void recordSignal(SignalRecord signal) {}

        @Override
        public void recordCancel(OrderCancellation cancellation) {}

        @Override
        public void recordTrade(Trade trade) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  /**
   * Records a signal and its decision.
   *
   * @param signal the signal
   */
  void recordSignal(SignalRecord signal);

  /**
   * Records a cancelled entry order.
   *
   * @param cancellation the cancellation
   */
  void recordCancel(OrderCancellation cancellation);

  /**
   * Records a closed trade.
   *
   * @param trade the trade
   */
  void recordTrade(Trade trade);

  /**
   * Writes what is buffered.
   *
   * @throws JournalException when writing fails
   */
  void flush();

  /**
   * Flushes and releases the journal.
   *
   * @throws JournalException when writing fails
   */
  @Override
  void close();
}
