package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.execution.OkxExecutor;
import org.smc4j.exchange.okx.execution.ReconciliationLoop;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.live.scan.PaperBrokers;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.broker.CandleBroker;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;

/**
 * The trade loop's brokers on OKX. Each symbol's feed gets a {@link CandleBroker} over the one
 * {@link OkxBroker}, so the loop's own {@code TradePipeline} decides every signal and hands a taken
 * one to OKX (write-ahead intent, entry with stop and target attached, protection), and a POI that
 * dies cancels the working entry made from it, as in the backtest. Each order handed over is
 * printed with the trade's journaled state.
 *
 * <p>The executor is driven by one thread at a time: the brokers (called from the loop's fetch
 * threads) and the periodic reconciliation share this object's lock.
 *
 * <p>A resting limit entry also ends when {@code backtest.limit-expiry} has passed since it was
 * journaled, checked at each symbol's newest candle.
 */
public final class ExchangeTrader implements PaperBrokers {

  private static final Logger log = LoggerFactory.getLogger(ExchangeTrader.class);

  private final OkxBroker broker;
  private final OkxExecutor executor;
  private final ReconciliationLoop reconciliation;
  private final Optional<Duration> limitExpiry;
  private final String label;
  private final PrintWriter out;

  /**
   * Creates the trader.
   *
   * @param broker the OKX broker over {@code executor}
   * @param executor the started executor
   * @param reconciliation the periodic reconciliation (and dead-man's switch) of {@code executor}
   * @param limitExpiry how long a limit entry may rest; empty for no expiry
   * @param label the mode printed before every line, e.g. {@code demo}
   * @param out where order and trade lines go
   */
  public ExchangeTrader(
      OkxBroker broker,
      OkxExecutor executor,
      ReconciliationLoop reconciliation,
      Optional<Duration> limitExpiry,
      String label,
      PrintWriter out) {
    this.broker = Objects.requireNonNull(broker, "broker");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
    this.limitExpiry = Objects.requireNonNull(limitExpiry, "limitExpiry");
    this.label = Objects.requireNonNull(label, "label");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Returns the symbol's broker: the OKX broker behind this trader's lock. */
  @Override
  public CandleBroker open(String symbol, ContractSpec spec, BrokerListener listener) {
    return new SymbolBroker(symbol);
  }

  /**
   * Runs the periodic reconciliation when it is due (on the schedule the journal's state asks for;
   * it also applies a kill switch raised by {@code trade stop} in another process, and refreshes
   * the dead-man's switch). A failure is logged, not thrown: the next cycle retries.
   */
  public synchronized void reconcileIfDue() {
    try {
      reconciliation.runDue();
    } catch (RuntimeException e) {
      log.error("{}: reconciliation failed: {}", label, e.getMessage());
    }
  }

  /**
   * Returns when the reconciliation next has work.
   *
   * @return the instant; in the past when it is due now
   */
  public synchronized Instant nextReconciliation() {
    return reconciliation.nextWake();
  }

  /** Cancels the symbol's limit entries resting longer than the expiry, at a candle's close. */
  private void expireLimitEntries(String symbol, long closeMillis) {
    if (limitExpiry.isEmpty()) {
      return;
    }
    Instant at = Instant.ofEpochMilli(closeMillis);
    String instId = OkxBroker.instIdOf(symbol);
    for (TradeRecord trade : executor.journal().openTrades()) {
      if (trade.instId().equals(instId)
          && trade.status() == TradeStatus.ENTRY_WORKING
          && trade.entryKind() == EntryKind.LIMIT
          && !expiryStart(trade).plus(limitExpiry.get()).isAfter(at)) {
        String reason = "limit entry expired after " + limitExpiry.get();
        cancelled(
            () -> executor.cancelEntry(trade.tradeKey(), reason), trade.tradeKey() + " " + reason);
      }
    }
  }

  /**
   * Returns when a limit entry's lifetime starts: the signal bar's close, as in the backtest's
   * expiry model (the journal time is seconds later and would let the entry rest one bar longer).
   */
  private static Instant expiryStart(TradeRecord trade) {
    return OkxBroker.signalTimeOf(trade.signalId()).orElse(trade.createdAt());
  }

  private boolean cancelled(BooleanSupplier action, String what) {
    try {
      if (action.getAsBoolean()) {
        synchronized (out) {
          out.println(label + ": entry cancelled: " + what);
          out.flush();
        }
        return true;
      }
    } catch (RuntimeException e) {
      log.error("{}: cancelling failed ({}): {}", label, what, e.getMessage());
    }
    return false;
  }

  /** One symbol's view of the OKX broker, serialised on the trader's lock. */
  private final class SymbolBroker implements CandleBroker {
    private final String symbol;

    SymbolBroker(String symbol) {
      this.symbol = symbol;
    }

    @Override
    public Optional<String> busyReason(String s) {
      synchronized (ExchangeTrader.this) {
        return broker.busyReason(s);
      }
    }

    @Override
    public Submission submit(OrderIntent intent) {
      Submission submission;
      Optional<TradeRecord> trade;
      String key = ClientOrderId.signalKey(OkxBroker.signalIdOf(intent));
      synchronized (ExchangeTrader.this) {
        submission = broker.submit(intent);
        trade = executor.journal().trade(key);
      }
      String state =
          trade
              .map(t -> t.status() + (t.reason().isEmpty() ? "" : " (" + t.reason() + ")"))
              .orElse("not journaled");
      synchronized (out) {
        out.println(
            label
                + ": "
                + intent.symbol()
                + " "
                + intent.side()
                + " "
                + intent.entryKind()
                + " "
                + intent.contracts()
                + " contracts, stop "
                + intent.stop()
                + ", target "
                + intent.target()
                + ": trade "
                + key
                + " "
                + state);
        out.flush();
      }
      return submission;
    }

    @Override
    public boolean cancelPendingForPoi(String poiId, Instant at, String detail) {
      synchronized (ExchangeTrader.this) {
        return cancelled(
            () -> broker.cancelPendingForPoi(poiId, at, detail),
            symbol + " POI " + poiId + ": " + detail);
      }
    }

    /**
     * The exchange fills, stops and funds on its own; a candle only ages the resting limit entries.
     * Checked at the newest candle of each fetch (the warm-up's old candles cannot expire anything
     * journaled since).
     */
    @Override
    public void onBar(BarArrays bars, int i) {
      if (i != bars.size() - 1) {
        return;
      }
      synchronized (ExchangeTrader.this) {
        expireLimitEntries(symbol, bars.closeTimeMillis(i));
      }
    }
  }
}
