package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.execution.OkxExecutor;
import org.smc4j.exchange.okx.id.ClientOrderId;
import org.smc4j.live.scan.ScanSignal;
import org.smc4j.live.scan.SignalHandler;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.pipeline.TradeDecision;
import org.smc4j.trading.pipeline.TradePipeline;

/**
 * The scan loop's signals on OKX: each new signal is decided by the shared {@link TradePipeline}
 * and, when taken, traded by the {@link OkxBroker} (write-ahead intent, entry with stop and target
 * attached, protection), then the outcome is printed. The executor is driven by one thread at a
 * time: signals (from the loop's fetch threads) and the periodic reconciliation share one lock.
 */
public final class ExchangeTrader implements SignalHandler {

  private static final Logger log = LoggerFactory.getLogger(ExchangeTrader.class);

  private final TradePipeline pipeline;
  private final OkxBroker broker;
  private final OkxExecutor executor;
  private final String label;
  private final PrintWriter out;

  /**
   * Creates the trader.
   *
   * @param pipeline the shared pipeline
   * @param broker the OKX broker over {@code executor}
   * @param executor the started executor
   * @param label the mode printed before every line, e.g. {@code demo}
   * @param out where order and trade lines go
   */
  public ExchangeTrader(
      TradePipeline pipeline,
      OkxBroker broker,
      OkxExecutor executor,
      String label,
      PrintWriter out) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.broker = Objects.requireNonNull(broker, "broker");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.label = Objects.requireNonNull(label, "label");
    this.out = Objects.requireNonNull(out, "out");
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
   * Reconciles the journal with the exchange once (and applies a kill switch raised by {@code trade
   * stop} in another process). A failure is logged, not thrown: the next reconciliation retries.
   */
  public synchronized void reconcile() {
    try {
      executor.poll();
    } catch (RuntimeException e) {
      log.error("{}: reconciliation failed: {}", label, e.getMessage());
    }
  }
}
