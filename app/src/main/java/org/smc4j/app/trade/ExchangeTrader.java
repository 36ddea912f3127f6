package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyEventListener;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.execution.OkxExecutor;
import org.smc4j.exchange.okx.execution.ReconciliationLoop;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.live.scan.ScanSignal;
import org.smc4j.live.scan.SignalHandler;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.pipeline.TradeDecision;
import org.smc4j.trading.pipeline.TradePipeline;

/**
 * The scan loop's signals on OKX: each new signal is decided by the shared {@link TradePipeline}
 * and, when taken, traded by the {@link OkxBroker} (write-ahead intent, entry with stop and target
 * attached, protection), then the outcome is printed. The executor is driven by one thread at a
 * time: signals (from the loop's fetch threads) and the periodic reconciliation share one lock.
 *
 * <p>A resting limit entry ends as in the backtest: when its POI dies (a strategy copy per symbol
 * runs over the candles the loop fetched, as {@link PaperTrader}'s does) or when {@code
 * backtest.limit-expiry} has passed since it was journaled.
 */
public final class ExchangeTrader implements SignalHandler {

  private static final Logger log = LoggerFactory.getLogger(ExchangeTrader.class);

  private final TradePipeline pipeline;
  private final OkxBroker broker;
  private final OkxExecutor executor;
  private final ReconciliationLoop reconciliation;
  private final String label;
  private final PrintWriter out;
  private final StrategyConfig strategy;
  private final PaperTrader.CandleCapture market;
  private final Optional<Duration> limitExpiry;
  private final Map<String, PoiWatch> watches = new HashMap<>();

  /**
   * Creates the trader.
   *
   * @param pipeline the shared pipeline
   * @param broker the OKX broker over {@code executor}
   * @param executor the started executor
   * @param reconciliation the periodic reconciliation (and dead-man's switch) of {@code executor}
   * @param label the mode printed before every line, e.g. {@code demo}
   * @param out where order and trade lines go
   * @param strategy the strategy configuration the scan loop runs (for the POI deaths)
   * @param market the loop's market, remembering the candles it returned
   * @param limitExpiry how long a limit entry may rest; empty for no expiry
   */
  public ExchangeTrader(
      TradePipeline pipeline,
      OkxBroker broker,
      OkxExecutor executor,
      ReconciliationLoop reconciliation,
      String label,
      PrintWriter out,
      StrategyConfig strategy,
      PaperTrader.CandleCapture market,
      Optional<Duration> limitExpiry) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.broker = Objects.requireNonNull(broker, "broker");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
    this.label = Objects.requireNonNull(label, "label");
    this.out = Objects.requireNonNull(out, "out");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.market = Objects.requireNonNull(market, "market");
    this.limitExpiry = Objects.requireNonNull(limitExpiry, "limitExpiry");
  }

  /** Decides the signal and trades it when taken; prints what happened. */
  @Override
  public synchronized void onSignal(ScanSignal signal) {
    TradeDecision decision;
    try {
      decision = pipeline.onSignal(signal.plan(), signal.spec(), broker);
    } catch (RuntimeException e) {
      log.error("{}: trading signal {} failed: {}", label, signal.key(), e.getMessage());
      out.println(label + ": " + signal.key() + " failed: " + e.getMessage());
      out.flush();
      return;
    }
    switch (decision) {
      case TradeDecision.Taken taken -> {
        String key = ClientOrderId.signalKey(OkxBroker.signalIdOf(taken.intent()));
        Optional<TradeRecord> trade = executor.journal().trade(key);
        String state =
            trade
                .map(t -> t.status() + (t.reason().isEmpty() ? "" : " (" + t.reason() + ")"))
                .orElse("not journaled");
        out.println(
            label
                + ": "
                + signal.key()
                + " "
                + taken.intent().side()
                + " "
                + taken.intent().contracts()
                + " contracts, stop "
                + taken.intent().stop()
                + ", target "
                + taken.intent().target()
                + ": trade "
                + key
                + " "
                + state);
      }
      case TradeDecision.Skipped skipped ->
          out.println(
              label + ": " + signal.key() + " skipped: " + skipped.record().reason().orElse("?"));
    }
    out.flush();
  }

  /**
   * Runs the symbol's strategy copy over the candles up to {@code closeMillis}: a POI that died
   * cancels the working entry made from it; then a limit entry past {@code limitExpiry} is
   * cancelled.
   */
  @Override
  public synchronized void onProcessed(String symbol, long closeMillis) {
    Optional<BarArrays> fetched = market.latest(symbol);
    if (fetched.isEmpty()) {
      return;
    }
    BarArrays bars = fetched.get();
    PoiWatch watch =
        watches.computeIfAbsent(symbol, s -> new PoiWatch(market.spec(s).tickSize().doubleValue()));
    long[] t = bars.openTimeMillisUnsafe();
    long period = bars.timeframe().millis();
    for (int i = 0; i < t.length; i++) {
      long close = t[i] + period;
      if (t[i] <= watch.lastOpen || close > closeMillis) {
        continue;
      }
      watch.lastOpen = t[i];
      watch.deaths.clear();
      watch.engine.onBar(
          t[i],
          bars.openUnsafe()[i],
          bars.highUnsafe()[i],
          bars.lowUnsafe()[i],
          bars.closeUnsafe()[i],
          bars.volumeUnsafe()[i]);
      for (PoiDeadEvent dead : watch.deaths) {
        cancel(
            () ->
                broker.cancelPendingForPoi(
                    dead.poi().id(), Instant.ofEpochMilli(close), dead.reason().name()),
            symbol + " POI " + dead.poi().id() + " died: " + dead.reason().name());
      }
    }
    if (limitExpiry.isPresent()) {
      Instant now = Instant.ofEpochMilli(closeMillis);
      String instId = OkxBroker.instIdOf(symbol);
      for (TradeRecord trade : executor.journal().openTrades()) {
        if (trade.instId().equals(instId)
            && trade.status() == TradeStatus.ENTRY_WORKING
            && trade.entryKind() == EntryKind.LIMIT
            && !trade.createdAt().plus(limitExpiry.get()).isAfter(now)) {
          String reason = "limit entry expired after " + limitExpiry.get();
          cancel(
              () -> executor.cancelEntry(trade.tradeKey(), reason),
              trade.tradeKey() + " " + reason);
        }
      }
    }
  }

  private void cancel(java.util.function.BooleanSupplier action, String what) {
    try {
      if (action.getAsBoolean()) {
        out.println(label + ": entry cancelled: " + what);
        out.flush();
      }
    } catch (RuntimeException e) {
      log.error("{}: cancelling failed ({}): {}", label, what, e.getMessage());
    }
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

  /** One symbol's strategy copy, reporting only its POI deaths. */
  private final class PoiWatch {
    final List<PoiDeadEvent> deaths = new ArrayList<>();
    final StrategyEngine engine;
    long lastOpen = Long.MIN_VALUE;

    PoiWatch(double tickSize) {
      this.engine =
          new StrategyEngine(
              strategy,
              tickSize,
              StrategyEventListener.only(
                  EnumSet.of(StrategyEventKind.POI),
                  event -> {
                    if (event instanceof PoiDeadEvent d) {
                      deaths.add(d);
                    }
                  }));
    }
  }
}
