package org.smc4j.benchmarks.trade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.trading.broker.CandleBroker;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;

/**
 * The scan loop's per-symbol broker slot filled with the one {@link OkxBroker}: candles need no
 * paper fills (the exchange fills), and every call goes to the OKX broker under one lock, because
 * its executor is driven by one thread at a time while the loop's fetch threads run in parallel.
 * Each submission is recorded with when it was called, when it returned and the trade's journaled
 * state then.
 */
final class OkxCandleBroker implements CandleBroker {

  /**
   * One entry handed to the OKX broker.
   *
   * @param symbol the pipeline's symbol
   * @param intent the sized order
   * @param startNanos when the pipeline called {@code submit}
   * @param endNanos when it returned (the executor's entry done: placed, resolved, protected)
   * @param status the trade's state in the journal at return
   * @param accepted whether the submission was accepted
   * @param reason the journal's reason for that state, or the broker's rejection
   */
  record Entry(
      String symbol,
      OrderIntent intent,
      long startNanos,
      long endNanos,
      TradeStatus status,
      boolean accepted,
      String reason) {}

  private final OkxBroker broker;
  private final ExecutionJournal journal;
  private final Object lock;
  private final List<Entry> entries;

  /**
   * Creates the slot of one symbol.
   *
   * @param broker the shared OKX broker
   * @param journal its executor's journal
   * @param lock the lock every slot shares
   * @param entries where every slot records its entries (guarded by the lock)
   */
  OkxCandleBroker(OkxBroker broker, ExecutionJournal journal, Object lock, List<Entry> entries) {
    this.broker = Objects.requireNonNull(broker, "broker");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.lock = Objects.requireNonNull(lock, "lock");
    this.entries = Objects.requireNonNull(entries, "entries");
  }

  /** Returns a copy of the entries recorded so far. */
  static List<Entry> snapshot(Object lock, List<Entry> entries) {
    synchronized (lock) {
      return new ArrayList<>(entries);
    }
  }

  @Override
  public void onBar(BarArrays bars, int i) {
    // the exchange fills and triggers; nothing to simulate
  }

  @Override
  public Optional<String> busyReason(String symbol) {
    synchronized (lock) {
      return broker.busyReason(symbol);
    }
  }

  @Override
  public Submission submit(OrderIntent intent) {
    synchronized (lock) {
      long start = System.nanoTime();
      Submission submission = broker.submit(intent);
      long end = System.nanoTime();
      Optional<TradeRecord> trade =
          journal.trade(ClientOrderId.signalKey(OkxBroker.signalIdOf(intent)));
      entries.add(
          new Entry(
              intent.symbol(),
              intent,
              start,
              end,
              trade.map(TradeRecord::status).orElse(TradeStatus.SKIPPED),
              submission.accepted(),
              trade.map(TradeRecord::reason).orElse(submission.rejection().orElse(""))));
      return submission;
    }
  }

  @Override
  public boolean cancelPendingForPoi(String poiId, Instant at, String detail) {
    synchronized (lock) {
      return broker.cancelPendingForPoi(poiId, at, detail);
    }
  }
}
