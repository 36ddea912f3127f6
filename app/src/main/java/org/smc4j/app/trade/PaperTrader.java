package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.live.scan.CrashPoint;
import org.smc4j.live.scan.PaperBrokers;
import org.smc4j.live.scan.ScanSignal;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.broker.CandleBroker;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.FillRecord;
import org.smc4j.trading.execution.FundingRecord;
import org.smc4j.trading.execution.KillSwitchEvent;
import org.smc4j.trading.execution.OrderRecord;
import org.smc4j.trading.execution.OrderStatus;
import org.smc4j.trading.execution.TradeRecord;
import org.smc4j.trading.execution.TradeResult;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.order.EntryFill;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.OrderIntent;
import org.smc4j.trading.order.Trade;

/**
 * The paper bot's brokers and their execution journal. As the trade loop's {@link PaperBrokers} it
 * opens one {@link PaperBroker} per symbol (the backtest's simulated broker with the configured
 * models, unchanged), so every signal is decided once, by the loop's pipeline, against the broker
 * that fills it. As their listener it records in the {@link ExecutionJournal} what they do: the
 * entry order and its transitions, the fills, funding, and each trade with its gross and net
 * P&amp;L and R, so {@code trade status} shows them.
 *
 * <p>Every journal write is idempotent (keyed by the signal's stable key, and moved only forward
 * through the trade's states), so a restarted bot that processes again the candles after its last
 * saved state journals nothing twice.
 *
 * <p>Kill switch, read from the journal by {@link #refreshKillSwitch()} (before each cycle): level
 * 1 or more refuses new entries (journaled as {@link TradeStatus#SKIPPED} with the reason); level 2
 * also cancels our pending entries; level 3 also closes our positions at the close (taker, with
 * slippage). It stays tripped across restarts, until {@code trade stop --clear}.
 *
 * <p>Thread-safe: the loop drives each symbol's broker from one thread at a time; shared state is
 * guarded.
 */
public final class PaperTrader implements PaperBrokers {

  private final ExecutionJournal journal;
  private final BrokerModels models;
  private final PrintWriter out;
  private final Map<String, PaperBookStore.Saved> saved;
  private final Map<String, PaperBroker> brokers = new LinkedHashMap<>();
  private final List<Trade> trades = new ArrayList<>();
  private volatile int level;
  private volatile String levelReason = "";
  private long killSkips;

  /**
   * Creates the paper brokers.
   *
   * @param journal the execution journal, bound to the paper environment
   * @param models the backtest's fill, slippage, fee, funding and expiry models
   * @param saved each symbol's broker as a previous run saved it (restored at its first candle
   *     after the saved close); empty for a fresh start
   * @param out where order and trade lines go
   */
  PaperTrader(
      ExecutionJournal journal,
      BrokerModels models,
      Map<String, PaperBookStore.Saved> saved,
      PrintWriter out) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.models = Objects.requireNonNull(models, "models");
    this.saved = new HashMap<>(saved);
    this.out = Objects.requireNonNull(out, "out");
    refreshKillSwitch();
  }

  @Override
  public synchronized CandleBroker open(String symbol, ContractSpec spec, BrokerListener pipeline) {
    PaperBroker broker =
        new PaperBroker(
            symbol,
            spec,
            models,
            this,
            new Listener(Objects.requireNonNull(pipeline, "pipeline")),
            Optional.ofNullable(saved.remove(symbol)));
    brokers.put(symbol, broker);
    return broker;
  }

  /** Reads the kill switch's active level (and its reason) from the journal. */
  public void refreshKillSwitch() {
    List<KillSwitchEvent> active =
        journal.killSwitchEvents().stream().filter(e -> e.clearedAt().isEmpty()).toList();
    int max = 0;
    String reason = "";
    for (KillSwitchEvent e : active) {
      if (e.level() > max) {
        max = e.level();
        reason = e.reason();
      }
    }
    levelReason = reason;
    level = max;
  }

  /** Returns the kill switch's level as last read: 0 when not tripped, else 1 to 3. */
  int killSwitchLevel() {
    return level;
  }

  /**
   * Returns why the kill switch is tripped, as the journal says, e.g. {@code kill switch level 1:
   * trade stop (level 1)}.
   */
  String killSwitchReason() {
    String why = levelReason;
    return "kill switch level " + level + (why.isEmpty() ? "" : ": " + why);
  }

  /** Returns the trades closed by this process, in the order they closed. */
  public synchronized List<Trade> trades() {
    return List.copyOf(trades);
  }

  /** Returns how many signals the kill switch kept from entering in this process. */
  public synchronized long killSwitchSkips() {
    return killSkips;
  }

  /**
   * Returns each symbol's broker state to save: the last close it processed and what it holds (a
   * state restored from an earlier run and not yet reached is kept as it was saved).
   */
  synchronized Map<String, PaperBookStore.Saved> books() {
    Map<String, PaperBookStore.Saved> out = new LinkedHashMap<>(saved);
    for (Map.Entry<String, PaperBroker> e : brokers.entrySet()) {
      e.getValue().saved().ifPresent(s -> out.put(e.getKey(), s));
    }
    return out;
  }

  /** The stable key of the signal a plan came from: the journal's trade key. */
  static String keyOf(OrderIntent in) {
    return ScanSignal.keyOf(in.symbol(), in.side(), in.signalTime());
  }

  /** Returns the journal's trade of a plan, if it was journaled (by this run or an earlier one). */
  Optional<TradeRecord> journaled(OrderIntent in) {
    return journal.trade(keyOf(in));
  }

  /** Journals a new entry the broker accepted: the trade, its entry order, working. */
  void entryAccepted(OrderIntent in) {
    String key = keyOf(in);
    Instant at = in.signalTime();
    boolean market = in.entryKind() == EntryKind.MARKET_NEXT_OPEN;
    synchronized (this) {
      if (journal.trade(key).isPresent()) {
        return;
      }
      journal.beginTrade(
          TradeRecord.signalled(
              key,
              key,
              in.symbol(),
              in.side(),
              in.entryKind(),
              decimal(in.entryPrice()),
              decimal(in.stop()),
              decimal(in.target()),
              decimal(in.contracts()),
              decimal(in.contractMultiplier()),
              decimal(in.plannedRisk()),
              at,
              at),
          OrderRecord.intent(
              entryId(key),
              key,
              "E",
              in.symbol(),
              side(in.side(), true),
              market ? "market" : "post_only",
              decimal(in.contracts()),
              market ? Optional.empty() : Optional.of(decimal(in.entryPrice())),
              Optional.of(decimal(in.stop())),
              Optional.of(decimal(in.target())),
              false,
              Optional.empty(),
              at));
      journal.updateOrder(entryId(key), OrderStatus.LIVE, "", "paper", "", Optional.empty(), at);
      CrashPoint.reached("paper-entry");
      out.println(
          "paper: "
              + key
              + " "
              + (market ? "market" : "limit " + in.entryPrice())
              + " entry, "
              + in.contracts()
              + " contracts, stop "
              + in.stop()
              + ", target "
              + in.target());
    }
  }

  /** Journals a signal the kill switch kept from entering, with the reason. */
  void entryRefused(OrderIntent in, String reason) {
    String key = keyOf(in);
    Instant at = in.signalTime();
    synchronized (this) {
      if (journal.trade(key).isPresent()) {
        return;
      }
      killSkips++;
      journal.addTrade(
          new TradeRecord(
              key,
              key,
              in.symbol(),
              in.side(),
              in.entryKind(),
              decimal(in.entryPrice()),
              decimal(in.stop()),
              decimal(in.target()),
              decimal(in.contracts()),
              decimal(in.contractMultiplier()),
              decimal(in.plannedRisk()),
              at,
              TradeStatus.SKIPPED,
              reason,
              BigDecimal.ZERO,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              at));
      out.println("paper: " + key + " skipped: " + reason);
    }
  }

  private static String entryId(String key) {
    return key + ":E";
  }

  private static String exitId(String key) {
    return key + ":X";
  }

  private static String side(Side side, boolean entry) {
    return (side == Side.LONG) == entry ? "buy" : "sell";
  }

  private static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value);
  }

  /**
   * One symbol's listener: the pipeline first (it keeps the guard book), then the journal, each
   * write only when the journal's trade has not reached that state yet.
   */
  private final class Listener implements BrokerListener {

    private final BrokerListener pipeline;

    Listener(BrokerListener pipeline) {
      this.pipeline = pipeline;
    }

    @Override
    public void onFill(EntryFill fill) {
      pipeline.onFill(fill);
      OrderIntent in = fill.intent();
      String key = keyOf(in);
      synchronized (PaperTrader.this) {
        Optional<TradeRecord> trade = journal.trade(key);
        if (trade.isEmpty() || trade.get().status() != TradeStatus.ENTRY_WORKING) {
          return;
        }
        BigDecimal sz = decimal(in.contracts());
        journal.updateOrder(
            entryId(key), OrderStatus.FILLED, "", "paper fill", "", Optional.of(sz), fill.time());
        CrashPoint.reached("paper-fill");
        journal.addFill(
            new FillRecord(
                entryId(key),
                key,
                in.symbol(),
                entryId(key),
                entryId(key),
                side(in.side(), true),
                decimal(fill.price()),
                sz,
                BigDecimal.ZERO,
                decimal(-fill.fee()),
                fill.time()));
        journal.recordEntryFill(key, sz, decimal(fill.price()), fill.time(), fill.time());
        journal.setUnprotectedSince(key, Optional.empty());
        journal.updateTrade(
            key, TradeStatus.OPEN_PROTECTED, "paper fill, stop and target attached", fill.time());
      }
    }

    @Override
    public void onCancel(OrderCancellation cancellation) {
      pipeline.onCancel(cancellation);
      OrderIntent in = cancellation.intent();
      String key = keyOf(in);
      synchronized (PaperTrader.this) {
        Optional<TradeRecord> trade = journal.trade(key);
        if (trade.isEmpty() || trade.get().status() != TradeStatus.ENTRY_WORKING) {
          return;
        }
        journal.updateOrder(
            entryId(key),
            OrderStatus.CANCELED,
            "",
            cancellation.reason() + ": " + cancellation.detail(),
            "",
            Optional.empty(),
            cancellation.time());
        journal.updateTrade(
            key,
            TradeStatus.CLOSED,
            "entry cancelled: " + cancellation.reason() + " " + cancellation.detail(),
            cancellation.time());
        out.println("paper: " + key + " entry cancelled: " + cancellation.reason());
      }
    }

    @Override
    public void onTrade(Trade trade) {
      pipeline.onTrade(trade);
      OrderIntent in = trade.intent();
      String key = keyOf(in);
      synchronized (PaperTrader.this) {
        Optional<TradeRecord> known = journal.trade(key);
        if (known.isEmpty()
            || known.get().status() == TradeStatus.CLOSED
            || known.get().status() == TradeStatus.SKIPPED) {
          return;
        }
        trades.add(trade);
        journal.addFill(
            new FillRecord(
                exitId(key),
                key,
                in.symbol(),
                exitId(key),
                exitId(key),
                side(in.side(), false),
                decimal(trade.exitPrice()),
                decimal(in.contracts()),
                decimal(trade.grossPnl()),
                decimal(-trade.exitFee()),
                trade.exitTime()));
        CrashPoint.reached("paper-close");
        if (trade.funding() != 0) {
          journal.addFunding(
              new FundingRecord(
                  key + ":F", key, in.symbol(), decimal(-trade.funding()), trade.exitTime()));
        }
        journal.closeTrade(
            key,
            new TradeResult(
                decimal(trade.exitPrice()),
                trade.exitReason().name(),
                decimal(trade.grossPnl()),
                decimal(trade.fees()),
                decimal(trade.funding()),
                decimal(trade.netPnl()),
                decimal(trade.rGross()),
                decimal(trade.rNet())),
            trade.exitTime());
        out.println(
            "paper: "
                + key
                + " closed "
                + trade.exitReason()
                + " at "
                + trade.exitPrice()
                + ", net "
                + String.format(Locale.ROOT, "%.4f", trade.netPnl())
                + " USDT");
      }
    }
  }
}
