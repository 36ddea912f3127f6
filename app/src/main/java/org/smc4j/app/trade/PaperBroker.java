package org.smc4j.app.trade;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.broker.BrokerSnapshot;
import org.smc4j.backtest.broker.SimulatedBroker;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.broker.CandleBroker;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.CancelReason;
import org.smc4j.trading.order.ExitReason;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Submission;

/**
 * One symbol's paper broker: the backtest's {@link SimulatedBroker} with the configured models,
 * behind the {@link PaperTrader}'s journal and kill switch.
 *
 * <p>After a restart it holds the state saved by the previous run: the candles up to the saved
 * close are fed to a flat broker (the strategy's warm-up, which also rebuilds the slippage model's
 * ATR), and the saved pending entry or position is put back just before the first candle after it.
 *
 * <p>Not thread-safe: the loop feeds one symbol from one thread at a time.
 */
final class PaperBroker implements CandleBroker {

  private final String symbol;
  private final SimulatedBroker broker;
  private final PaperTrader trader;
  private Optional<PaperBookStore.Saved> restore;
  private long lastClose = Long.MIN_VALUE;

  PaperBroker(
      String symbol,
      ContractSpec spec,
      BrokerModels models,
      PaperTrader trader,
      BrokerListener listener,
      Optional<PaperBookStore.Saved> restore) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.trader = Objects.requireNonNull(trader, "trader");
    this.restore = Objects.requireNonNull(restore, "restore");
    this.broker =
        new SimulatedBroker(
            symbol, spec.tickSize().doubleValue(), models, Optional.empty(), listener);
  }

  @Override
  public Optional<String> busyReason(String symbol) {
    return broker.busyReason(symbol);
  }

  /**
   * Hands the plan to the simulated broker and journals its entry. A plan the journal already has
   * (decided before a restart, its candles processed again) goes to the broker as it did then, and
   * is not journaled again; a new one is refused while the kill switch is tripped.
   */
  @Override
  public Submission submit(OrderIntent intent) {
    Optional<TradeRecord> known = trader.journaled(intent);
    if (known.isPresent()) {
      if (known.get().status() == TradeStatus.SKIPPED) {
        return new Submission(intent, Optional.of(known.get().reason()));
      }
      return broker.submit(intent);
    }
    if (trader.killSwitchLevel() >= 1) {
      String reason = trader.killSwitchReason();
      trader.entryRefused(intent, reason);
      return new Submission(intent, Optional.of(reason));
    }
    Submission submission = broker.submit(intent);
    if (submission.accepted()) {
      trader.entryAccepted(intent);
    }
    return submission;
  }

  @Override
  public boolean cancelPendingForPoi(String poiId, Instant at, String detail) {
    return broker.cancelPendingForPoi(poiId, at, detail);
  }

  /**
   * Processes one candle: first puts back the saved state when this is the first candle after the
   * saved close, then lets the simulated broker process it, then applies a tripped kill switch at
   * its close (level 2: cancel the pending entry; level 3: also close the position).
   */
  @Override
  public void onBar(BarArrays bars, int i) {
    long close = bars.closeTimeMillis(i);
    if (restore.isPresent() && close > restore.get().lastClose()) {
      broker.restore(restore.get().snapshot());
      restore = Optional.empty();
    }
    broker.onBar(bars, i);
    lastClose = close;
    if (restore.isPresent()) {
      return;
    }
    int level = trader.killSwitchLevel();
    if (level >= 2) {
      broker.cancelPending(
          Instant.ofEpochMilli(close), CancelReason.KILL_SWITCH, trader.killSwitchReason());
    }
    if (level >= 3) {
      broker.closePosition(bars, i, ExitReason.KILL_SWITCH);
    }
  }

  /**
   * Returns what to save: the last close processed and the broker's state; the saved state while it
   * has not been put back yet; empty before the first candle.
   */
  Optional<PaperBookStore.Saved> saved() {
    if (restore.isPresent()) {
      return restore;
    }
    if (lastClose == Long.MIN_VALUE) {
      return Optional.empty();
    }
    BrokerSnapshot snapshot = broker.snapshot();
    return Optional.of(new PaperBookStore.Saved(lastClose, snapshot));
  }

  /** Returns the symbol. */
  String symbol() {
    return symbol;
  }
}
