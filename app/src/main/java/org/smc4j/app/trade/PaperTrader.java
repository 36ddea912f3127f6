package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.broker.SimulatedBroker;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.PoiDeadEvent;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyEventListener;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.signal.Side;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.live.scan.ScanSignal;
import org.smc4j.live.scan.SignalHandler;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.FillRecord;
import org.smc4j.trading.execution.FundingRecord;
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
import org.smc4j.trading.pipeline.TradeDecision;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.EntrySignalAdapter;
import org.smc4j.trading.plan.TradePlan;

/**
 * Paper trading behind the scan loop: each symbol's closed 5m candles (as the loop fetched them
 * through {@link #market}) drive one backtest {@link SimulatedBroker} with the backtest's models
 * unchanged, and the loop's signals go through the shared {@link TradePipeline} to it, in the order
 * the backtest applies them: at each candle the broker first processes the candle, then the POI
 * deaths and signals known at its close are applied in the order the strategy made them (a death
 * cancels a pending entry from that POI). Orders, fills and trades are recorded in the {@link
 * ExecutionJournal}, so {@code trade status} shows them.
 *
 * <p>A tripped kill switch is read from the journal once per symbol and cycle: level 1 or more
 * skips new entries (journaled as skipped), level 2 or more also cancels the pending entry. Paper
 * positions live in memory: a restart starts flat.
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class PaperTrader implements SignalHandler {

  private final StrategyConfig strategy;
  private final BrokerModels models;
  private final TradePipeline pipeline;
  private final ExecutionJournal journal;
  private final CandleCapture market;
  private final PaperClock clock;
  private final PrintWriter out;
  private final Map<String, Book> books = new HashMap<>();
  private final Map<Long, String> tradeKeys = new HashMap<>();
  private final List<Trade> trades = new ArrayList<>();
  private long killSkips;

  /**
   * Creates a paper trader.
   *
   * @param strategy the strategy configuration the scan loop runs
   * @param models the backtest's fill, slippage, fee, funding and expiry models
   * @param pipeline the shared pipeline (whose clock must be {@code clock})
   * @param journal the execution journal, bound to the paper environment
   * @param market the loop's market, remembering the candles it returned
   * @param clock the candle clock the pipeline counts days by
   * @param out where order and trade lines go
   */
  public PaperTrader(
      StrategyConfig strategy,
      BrokerModels models,
      TradePipeline pipeline,
      ExecutionJournal journal,
      CandleCapture market,
      PaperClock clock,
      PrintWriter out) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.models = Objects.requireNonNull(models, "models");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.market = Objects.requireNonNull(market, "market");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Buffers the signal until its candle is processed by the broker. */
  @Override
  public synchronized void onSignal(ScanSignal signal) {
    book(signal.symbol(), signal.spec()).signals.add(signal);
  }

  /** Moves the symbol's broker through the candles up to {@code closeMillis}. */
  @Override
  public synchronized void onProcessed(String symbol, long closeMillis) {
    BarArrays bars = market.latest(symbol).orElse(null);
    if (bars == null) {
      return;
    }
    Book book = books.get(symbol);
    if (book == null) {
      book = book(symbol, market.spec(symbol));
    }
    int level = journal.killSwitchLevel();
    long[] t = bars.openTimeMillisUnsafe();
    long period = bars.timeframe().millis();
    for (int i = 0; i < t.length; i++) {
      long close = t[i] + period;
      if (t[i] <= book.lastOpen || close > closeMillis) {
        continue;
      }
      clock.set(close);
      book.lastOpen = t[i];
      book.broker.onBar(bars, i);
      book.events.clear();
      book.engine.onBar(
          t[i],
          bars.openUnsafe()[i],
          bars.highUnsafe()[i],
          bars.lowUnsafe()[i],
          bars.closeUnsafe()[i],
          bars.volumeUnsafe()[i]);
      Instant at = Instant.ofEpochMilli(close);
      if (level >= 2 && book.broker.pendingEntry().isPresent()) {
        book.broker.cancelPendingForPoi(
            book.broker.pendingEntry().get().poiId(), at, "kill switch level " + level);
      }
      for (Object event : book.events) {
        if (event instanceof PoiDeadEvent d) {
          if (book.broker.hasPendingEntryFrom(d.poi().id())) {
            book.broker.cancelPendingForPoi(d.poi().id(), at, "POI died: " + d.reason().name());
          }
        } else if (event instanceof EntrySignal s) {
          TradePlan plan = EntrySignalAdapter.toPlan(symbol, s);
          take(book, ScanSignal.keyOf(symbol, plan.side(), plan.signalTime()), level);
        }
      }
      // a signal the loop handed over that the broker's strategy copy did not make (none should)
      for (Iterator<ScanSignal> it = book.signals.iterator(); it.hasNext(); ) {
        ScanSignal s = it.next();
        if (s.plan().signalTime().toEpochMilli() <= close) {
          it.remove();
          submit(book, s, level);
        }
      }
    }
  }

  /** Returns the trades closed so far, in the order they closed. */
  public synchronized List<Trade> trades() {
    return List.copyOf(trades);
  }

  /** Returns how many signals the kill switch kept from entering. */
  public synchronized long killSwitchSkips() {
    return killSkips;
  }

  private void take(Book book, String key, int level) {
    for (Iterator<ScanSignal> it = book.signals.iterator(); it.hasNext(); ) {
      ScanSignal s = it.next();
      if (s.key().equals(key)) {
        it.remove();
        submit(book, s, level);
        return;
      }
    }
  }

  private void submit(Book book, ScanSignal s, int level) {
    Instant at = s.plan().signalTime();
    if (journal.trade(s.key()).isPresent()) {
      out.println("paper: " + s.key() + " already journaled, not traded again");
      return;
    }
    if (level >= 1) {
      killSkips++;
      journal.addTrade(
          new TradeRecord(
              s.key(),
              s.key(),
              s.symbol(),
              s.plan().side(),
              s.plan().entryKind(),
              price(s.plan().entry()),
              price(s.plan().stop()),
              price(s.plan().target()),
              BigDecimal.ZERO,
              BigDecimal.ONE,
              BigDecimal.ZERO,
              at,
              TradeStatus.SKIPPED,
              "kill switch level " + level,
              BigDecimal.ZERO,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              at));
      out.println("paper: " + s.key() + " skipped: kill switch level " + level);
      return;
    }
    TradeDecision decision = pipeline.onSignal(s.plan(), s.spec(), book.broker);
    if (!(decision instanceof TradeDecision.Taken taken)) {
      return;
    }
    OrderIntent in = taken.intent();
    tradeKeys.put(in.intentId(), s.key());
    boolean market = in.entryKind() == EntryKind.MARKET_NEXT_OPEN;
    journal.beginTrade(
        TradeRecord.signalled(
            s.key(),
            s.key(),
            in.symbol(),
            in.side(),
            in.entryKind(),
            price(in.entryPrice()),
            price(in.stop()),
            price(in.target()),
            price(in.contracts()),
            price(in.contractMultiplier()),
            price(in.plannedRisk()),
            at,
            at),
        OrderRecord.intent(
            entryId(in),
            s.key(),
            "E",
            in.symbol(),
            side(in.side(), true),
            market ? "market" : "post_only",
            price(in.contracts()),
            market ? Optional.empty() : Optional.of(price(in.entryPrice())),
            Optional.of(price(in.stop())),
            Optional.of(price(in.target())),
            false,
            Optional.empty(),
            at));
    journal.updateOrder(entryId(in), OrderStatus.LIVE, "", "paper", "", Optional.empty(), at);
    out.println(
        "paper: "
            + s.key()
            + " "
            + (market ? "market" : "limit " + in.entryPrice())
            + " entry, "
            + in.contracts()
            + " contracts, stop "
            + in.stop()
            + ", target "
            + in.target());
  }

  private Book book(String symbol, ContractSpec spec) {
    Book book = books.get(symbol);
    if (book == null) {
      book = new Book(symbol, spec);
      books.put(symbol, book);
    }
    return book;
  }

  private static String entryId(OrderIntent in) {
    return "paper" + in.intentId() + "E";
  }

  private static String side(Side side, boolean entry) {
    return (side == Side.LONG) == entry ? "buy" : "sell";
  }

  private static BigDecimal price(double value) {
    return BigDecimal.valueOf(value);
  }

  private final class Listener implements BrokerListener {

    @Override
    public void onFill(EntryFill fill) {
      OrderIntent in = fill.intent();
      String key = tradeKeys.get(in.intentId());
      if (key == null) {
        return;
      }
      BigDecimal sz = price(in.contracts());
      journal.updateOrder(
          entryId(in), OrderStatus.FILLED, "", "paper fill", "", Optional.of(sz), fill.time());
      journal.addFill(
          new FillRecord(
              entryId(in),
              key,
              in.symbol(),
              entryId(in),
              entryId(in),
              side(in.side(), true),
              price(fill.price()),
              sz,
              BigDecimal.ZERO,
              price(-fill.fee()),
              fill.time()));
      journal.recordEntryFill(key, sz, price(fill.price()), fill.time(), fill.time());
      journal.setUnprotectedSince(key, Optional.empty());
      journal.updateTrade(
          key, TradeStatus.OPEN_PROTECTED, "paper fill, stop and target attached", fill.time());
    }

    @Override
    public void onCancel(OrderCancellation cancellation) {
      pipeline.onCancel(cancellation);
      OrderIntent in = cancellation.intent();
      String key = tradeKeys.remove(in.intentId());
      if (key == null) {
        return;
      }
      journal.updateOrder(
          entryId(in),
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

    @Override
    public void onTrade(Trade trade) {
      pipeline.onTrade(trade);
      trades.add(trade);
      OrderIntent in = trade.intent();
      String key = tradeKeys.remove(in.intentId());
      if (key == null) {
        return;
      }
      String exitId = "paper" + in.intentId() + "X";
      journal.addFill(
          new FillRecord(
              exitId,
              key,
              in.symbol(),
              exitId,
              exitId,
              side(in.side(), false),
              price(trade.exitPrice()),
              price(in.contracts()),
              price(trade.grossPnl()),
              price(-trade.exitFee()),
              trade.exitTime()));
      if (trade.funding() != 0) {
        journal.addFunding(
            new FundingRecord(
                "paper" + in.intentId() + "F",
                key,
                in.symbol(),
                price(-trade.funding()),
                trade.exitTime()));
      }
      journal.closeTrade(
          key,
          new TradeResult(
              price(trade.exitPrice()),
              trade.exitReason().name(),
              price(trade.grossPnl()),
              price(trade.fees()),
              price(trade.funding()),
              price(trade.netPnl()),
              price(trade.rGross()),
              price(trade.rNet())),
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

  /** One symbol: its simulated broker, a strategy copy for POI deaths, the buffered signals. */
  private final class Book {
    final SimulatedBroker broker;
    final StrategyEngine engine;
    final List<Object> events = new ArrayList<>();
    final List<ScanSignal> signals = new ArrayList<>();
    long lastOpen = Long.MIN_VALUE;

    Book(String symbol, ContractSpec spec) {
      this.broker =
          new SimulatedBroker(
              symbol, spec.tickSize().doubleValue(), models, Optional.empty(), new Listener());
      this.engine =
          new StrategyEngine(
              strategy,
              spec.tickSize().doubleValue(),
              StrategyEventListener.only(
                  EnumSet.of(StrategyEventKind.POI, StrategyEventKind.ENTRY_SIGNAL),
                  event -> {
                    if (event instanceof PoiDeadEvent || event instanceof EntrySignal) {
                      events.add(event);
                    }
                  }));
    }
  }

  /** The candle clock the pipeline's guards count days by: the close of the candle in process. */
  public static final class PaperClock extends Clock {
    private volatile long millis;

    /**
     * Creates a clock.
     *
     * @param startMillis the first time
     */
    public PaperClock(long startMillis) {
      this.millis = startMillis;
    }

    void set(long value) {
      this.millis = value;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  /**
   * A scan market that remembers the candles it last returned per symbol, so the paper broker sees
   * exactly what the loop fed its strategy.
   */
  public static final class CandleCapture implements ScanMarket {
    private final ScanMarket delegate;
    private final Map<String, BarArrays> latest = new HashMap<>();

    /**
     * Wraps a market.
     *
     * @param delegate the market
     */
    public CandleCapture(ScanMarket delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public List<String> universe(int topN) {
      return delegate.universe(topN);
    }

    @Override
    public ContractSpec spec(String symbol) {
      return delegate.spec(symbol);
    }

    @Override
    public BarArrays latestClosed(String symbol, int count) {
      BarArrays bars = delegate.latestClosed(symbol, count);
      synchronized (latest) {
        latest.put(symbol, bars);
      }
      return bars;
    }

    Optional<BarArrays> latest(String symbol) {
      synchronized (latest) {
        return Optional.ofNullable(latest.get(symbol));
      }
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
