package org.smc4j.backtest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smc4j.backtest.testing.TestBars.T0;
import static org.smc4j.backtest.testing.TestBars.bars;
import static org.smc4j.backtest.testing.TestBars.ohlc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.ContractType;
import org.smc4j.core.instrument.InstrumentState;
import org.smc4j.core.signal.Side;
import org.smc4j.marketdata.spec.InferredContractSpec;
import org.smc4j.marketdata.spec.TickSizeInference;
import org.smc4j.risk.guard.GuardLimits;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.order.CancelReason;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.Trade;
import org.smc4j.trading.plan.TradePlan;

class BacktestEngineTest {

  private static final long M5 = 300_000;
  private static final long START = T0 + 3_600_000;

  static ContractSpec spec(String symbol) {
    BigDecimal big = new BigDecimal("1000000");
    return new ContractSpec(
        symbol,
        ContractType.LINEAR,
        "USDT",
        BigDecimal.ONE,
        BigDecimal.ONE,
        symbol,
        new BigDecimal("0.1"),
        new BigDecimal("0.001"),
        new BigDecimal("0.001"),
        big,
        big,
        InstrumentState.LIVE);
  }

  static BarArrays flat(long start, int n) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = ohlc(100, 100.5, 99.5, 100);
    }
    return bars(Timeframe.M5, start, rows);
  }

  static TradePlan plan(
      String id, String symbol, EntryKind kind, double entry, double stop, double target, long t) {
    return new TradePlan(
        id,
        "poi-" + id,
        symbol,
        Side.LONG,
        kind,
        entry,
        stop,
        target,
        OptionalDouble.empty(),
        Instant.ofEpochMilli(t),
        Optional.empty());
  }

  /** A journal that keeps what it is given. */
  static final class MemoryJournal implements Journal {
    final List<SignalRecord> signals = new ArrayList<>();
    final List<OrderCancellation> cancels = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();

    @Override
    public synchronized void recordSignal(SignalRecord signal) {
      signals.add(signal);
    }

    @Override
    public synchronized void recordCancel(OrderCancellation cancellation) {
      cancels.add(cancellation);
    }

    @Override
    public synchronized void recordTrade(Trade trade) {
      trades.add(trade);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  static SignalSource scripted(Map<String, List<ReplayEvent>> events) {
    return (symbol, fiveMinute, tickSize, progress) -> {
      progress.accept(fiveMinute.size());
      if (!events.containsKey(symbol)) {
        throw new IllegalStateException("no script for " + symbol);
      }
      return events.get(symbol);
    };
  }

  private BacktestEngine engine(SignalSource source, Optional<GuardLimits> guards) {
    return new BacktestEngine(
        BacktestSettings.defaults(StrategyConfig.DEFAULT)
            .withSignals(source)
            .withGuards(guards)
            .withThreads(2));
  }

  @Test
  void shouldMergeSymbolsOfDifferentStartsAndLengthsByCloseTimeThenInputOrder() {
    // five symbols starting 0, 5, 10, 0 and 35 minutes after START with 40, 13, 27, 3 and 1
    // candles; each signals at the close of every one of its candles (all but the first are
    // skipped: one position per symbol), so the journal shows the order the merge visited them
    String[] symbols = {"A", "B", "C", "D", "E"};
    long[] starts = {0, M5, 2 * M5, 0, 7 * M5};
    int[] lengths = {40, 13, 27, 3, 1};
    List<SymbolInput> inputs = new ArrayList<>();
    Map<String, List<ReplayEvent>> script = new java.util.HashMap<>();
    List<String> expected = new ArrayList<>();
    record Visit(long close, int order, String key) {}
    List<Visit> visits = new ArrayList<>();
    for (int k = 0; k < symbols.length; k++) {
      long start = START + starts[k];
      inputs.add(
          new SymbolInput(symbols[k], flat(start, lengths[k]), Optional.empty(), spec(symbols[k])));
      List<ReplayEvent> events = new ArrayList<>();
      for (int i = 0; i < lengths[k]; i++) {
        long close = start + (i + 1) * M5;
        events.add(
            new ReplayEvent.Signal(
                i, plan(symbols[k] + i, symbols[k], EntryKind.LIMIT, 99, 98, 103, close)));
        visits.add(new Visit(close, k, symbols[k] + "@" + close));
      }
      script.put(symbols[k], events);
    }
    visits.sort(java.util.Comparator.comparingLong(Visit::close).thenComparingInt(Visit::order));
    for (Visit v : visits) {
      expected.add(v.key());
    }
    BacktestResult r =
        engine(scripted(script), Optional.empty()).run(inputs, Journal.NONE, ProgressListener.NONE);
    assertThat(r.signals())
        .extracting(sig -> sig.symbol() + "@" + sig.signalTime().toEpochMilli())
        .containsExactlyElementsOf(expected);
    assertThat(r.bars()).isEqualTo(40 + 13 + 27 + 3 + 1);
  }

  @Test
  void shouldTakeSkipAndCancelSignalsAcrossSymbolsInTimeOrder() {
    // A: market signal at the close of bar 0 (filled at bar 1's open), a second signal at bar 1
    // is skipped. B (starting 5 minutes later): a limit whose POI dies at its bar 1.
    SignalSource source =
        scripted(
            Map.of(
                "AUSDT",
                List.of(
                    new ReplayEvent.Signal(
                        0,
                        plan("a1", "AUSDT", EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START + M5)),
                    new ReplayEvent.Signal(
                        1,
                        plan(
                            "a2",
                            "AUSDT",
                            EntryKind.MARKET_NEXT_OPEN,
                            100,
                            99,
                            103,
                            START + 2 * M5))),
                "BUSDT",
                List.of(
                    new ReplayEvent.Signal(
                        0, plan("b1", "BUSDT", EntryKind.LIMIT, 99, 98, 102, START + 2 * M5)),
                    new ReplayEvent.PoiDeath(1, "poi-b1", "FVG_FILLED"))));
    List<SymbolInput> inputs =
        List.of(
            new SymbolInput("AUSDT", flat(START, 6), Optional.empty(), spec("AUSDT")),
            new SymbolInput("BUSDT", flat(START + M5, 6), Optional.empty(), spec("BUSDT")));
    MemoryJournal journal = new MemoryJournal();
    AtomicLong lastDone = new AtomicLong();
    BacktestResult r =
        engine(source, Optional.empty())
            .run(
                inputs,
                journal,
                (done, total) -> {
                  assertThat(total).isEqualTo(24);
                  lastDone.set(done);
                });

    assertThat(lastDone.get()).isEqualTo(24);
    assertThat(r.failures()).isEmpty();
    assertThat(r.bars()).isEqualTo(12);
    assertThat(r.from()).isEqualTo(Instant.ofEpochMilli(START));
    assertThat(r.to()).isEqualTo(Instant.ofEpochMilli(START + 7 * M5));
    // ids follow the merged time order: a1 (close +5), a2 (close +10, before B's bar at +10), b1
    assertThat(r.signals()).extracting(SignalRecord::signalId).containsExactly(1L, 2L, 3L);
    assertThat(r.signals())
        .extracting(SignalRecord::status)
        .containsExactly(SignalStatus.TAKEN, SignalStatus.SKIPPED, SignalStatus.TAKEN);
    assertThat(r.signals().get(1).reason())
        .hasValueSatisfying(
            reason -> assertThat(reason).startsWith("one position per symbol: AUSDT holds a LONG"));
    assertThat(r.signals().get(0).contracts()).isPresent();
    assertThat(r.cancellations())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.reason()).isEqualTo(CancelReason.POI_DIED);
              assertThat(c.detail()).isEqualTo("POI died: FVG_FILLED");
              assertThat(c.time()).isEqualTo(Instant.ofEpochMilli(START + 3 * M5));
            });
    // A's position never reaches stop or target: closed at the end of its data
    assertThat(r.trades())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.symbol()).isEqualTo("AUSDT");
              assertThat(t.entryTime()).isEqualTo(Instant.ofEpochMilli(START + M5));
              assertThat(t.intent().plannedRisk()).isGreaterThan(0.9).isLessThanOrEqualTo(1.1);
            });
    assertThat(journal.signals).isEqualTo(r.signals());
    assertThat(journal.trades).isEqualTo(r.trades());
    assertThat(journal.cancels).isEqualTo(r.cancellations());
  }

  @Test
  void shouldSkipASignalTheSizerRefusesWithItsReason() {
    // a stop 0.05 from the entry is under one tick (0.1)
    SignalSource source =
        scripted(
            Map.of(
                "AUSDT",
                List.of(
                    new ReplayEvent.Signal(
                        0,
                        plan(
                            "a1",
                            "AUSDT",
                            EntryKind.MARKET_NEXT_OPEN,
                            100,
                            99.95,
                            100.1,
                            START + M5)))));
    BacktestResult r =
        engine(source, Optional.empty())
            .run(
                List.of(new SymbolInput("AUSDT", flat(START, 3), Optional.empty(), spec("AUSDT"))),
                Journal.NONE,
                ProgressListener.NONE);
    assertThat(r.signals())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.status()).isEqualTo(SignalStatus.SKIPPED);
              assertThat(s.reason().orElseThrow()).startsWith("size refused (");
              assertThat(s.contracts()).isEmpty();
            });
    assertThat(r.trades()).isEmpty();
  }

  @Test
  void shouldJournalAPlanWithANegativeTargetAsInvalidAndKeepTradingTheSymbol() {
    // bar 0: an outlier made the target negative; bar 1: a sound plan on the same symbol
    MemoryJournal journal = new MemoryJournal();
    SignalSource source =
        scripted(
            Map.of(
                "AUSDT",
                List.of(
                    new ReplayEvent.Signal(
                        0,
                        plan("a1", "AUSDT", EntryKind.MARKET_NEXT_OPEN, 100, 99, -3, START + M5)),
                    new ReplayEvent.Signal(
                        1,
                        plan(
                            "a2",
                            "AUSDT",
                            EntryKind.MARKET_NEXT_OPEN,
                            100,
                            99,
                            102,
                            START + 2 * M5)))));
    BacktestResult r =
        engine(source, Optional.empty())
            .run(
                List.of(new SymbolInput("AUSDT", flat(START, 4), Optional.empty(), spec("AUSDT"))),
                journal,
                ProgressListener.NONE);

    assertThat(r.failures()).isEmpty();
    assertThat(r.signals()).hasSize(2);
    assertThat(r.signals().get(0).skip())
        .contains(new SkipReason.InvalidPlan("plan a1: target must be finite and > 0, was -3.0"));
    assertThat(r.signals().get(0).target()).isEqualTo(-3);
    assertThat(r.signals().get(1).status()).isEqualTo(SignalStatus.TAKEN);
    assertThat(journal.signals).isEqualTo(r.signals());
  }

  @Test
  void shouldSkipASignalThePortfolioGuardsRefuse() {
    SignalSource source =
        scripted(
            Map.of(
                "AUSDT",
                List.of(
                    new ReplayEvent.Signal(
                        0,
                        plan("a1", "AUSDT", EntryKind.MARKET_NEXT_OPEN, 100, 99, 103, START + M5))),
                "BUSDT",
                List.of(
                    new ReplayEvent.Signal(
                        0,
                        plan(
                            "b1",
                            "BUSDT",
                            EntryKind.MARKET_NEXT_OPEN,
                            100,
                            99,
                            103,
                            START + M5)))));
    GuardLimits oneAtATime = new GuardLimits(new BigDecimal("5"), 4, 1, new BigDecimal("3.3"), 0);
    BacktestResult r =
        engine(source, Optional.of(oneAtATime))
            .run(
                List.of(
                    new SymbolInput("AUSDT", flat(START, 3), Optional.empty(), spec("AUSDT")),
                    new SymbolInput("BUSDT", flat(START, 3), Optional.empty(), spec("BUSDT"))),
                Journal.NONE,
                ProgressListener.NONE);
    assertThat(r.signals())
        .extracting(SignalRecord::status)
        .containsExactly(SignalStatus.TAKEN, SignalStatus.SKIPPED);
    assertThat(r.signals().get(1).reason().orElseThrow())
        .isEqualTo("guard: MAX_CONCURRENT_TRADES 1 positions are open, the limit is 1");
    assertThat(r.signals().get(1).contracts()).isPresent();
  }

  @Test
  void shouldReleaseTheGuardsPositionOfASymbolWhoseSpecNamesTheVenueInstrument() {
    // BTCUSDT candles sized with OKX's BTC-USDT-SWAP spec: the position the guards book at the
    // first signal is closed with the trade (at the end of the data), so the second one is taken
    ContractSpec venue = spec("BTC-USDT-SWAP");
    SignalSource source =
        scripted(
            Map.of(
                "BTCUSDT",
                List.of(
                    new ReplayEvent.Signal(
                        0,
                        plan(
                            "a1",
                            "BTCUSDT",
                            EntryKind.MARKET_NEXT_OPEN,
                            100,
                            99.6,
                            100.4,
                            START + M5)),
                    new ReplayEvent.Signal(
                        3,
                        plan(
                            "a2",
                            "BTCUSDT",
                            EntryKind.MARKET_NEXT_OPEN,
                            100,
                            99,
                            103,
                            START + 4 * M5)))));
    GuardLimits oneAtATime = new GuardLimits(new BigDecimal("5"), 4, 1, new BigDecimal("3.3"), 0);
    BarArrays bars =
        bars(
            Timeframe.M5,
            START,
            new double[][] {
              ohlc(100, 100.1, 99.9, 100),
              ohlc(100, 100.5, 99.9, 100.2),
              ohlc(100.2, 100.3, 100, 100.1),
              ohlc(100, 100.1, 99.9, 100),
              ohlc(100, 100.1, 99.9, 100),
              ohlc(100, 100.1, 99.9, 100)
            });
    BacktestResult r =
        engine(source, Optional.of(oneAtATime))
            .run(
                List.of(new SymbolInput("BTCUSDT", bars, Optional.empty(), venue)),
                Journal.NONE,
                ProgressListener.NONE);
    assertThat(r.failures()).isEmpty();
    assertThat(r.signals())
        .extracting(SignalRecord::status)
        .containsExactly(SignalStatus.TAKEN, SignalStatus.TAKEN);
    assertThat(r.trades()).hasSize(2);
  }

  @Test
  void shouldReportAFailingSymbolBesideTheOthersResults() {
    SignalSource source = scripted(Map.of("AUSDT", List.of()));
    BacktestResult r =
        engine(source, Optional.empty())
            .run(
                List.of(
                    new SymbolInput("AUSDT", flat(START, 3), Optional.empty(), spec("AUSDT")),
                    new SymbolInput("BUSDT", flat(START, 3), Optional.empty(), spec("BUSDT"))),
                Journal.NONE,
                ProgressListener.NONE);
    assertThat(r.failures()).containsExactly(new SymbolFailure("BUSDT", "no script for BUSDT"));
    assertThat(r.bars()).isEqualTo(3);
  }

  @Test
  void shouldRejectASymbolGivenTwice() {
    SymbolInput a = new SymbolInput("AUSDT", flat(START, 3), Optional.empty(), spec("AUSDT"));
    assertThatThrownBy(
            () ->
                engine(scripted(Map.of()), Optional.empty())
                    .run(List.of(a, a), Journal.NONE, ProgressListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("each symbol must be given once, was [AUSDT, AUSDT]");
  }

  @Test
  void shouldRejectInputThatIsNotFiveMinute() {
    BarArrays oneMinute = bars(Timeframe.M1, START, ohlc(100, 100.5, 99.5, 100));
    assertThatThrownBy(() -> new SymbolInput("AUSDT", oneMinute, Optional.empty(), spec("AUSDT")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AUSDT: fiveMinute must be 5m candles, was 1m");
  }

  @Test
  void shouldInferTheTickFromThePricesShown() {
    BarArrays btc = bars(Timeframe.M5, START, ohlc(93548.8, 93550.0, 93500.1, 93549.9));
    assertThat(TickSizeInference.fromPrices(btc)).isEqualByComparingTo("0.1");
    BarArrays pepe = bars(Timeframe.M5, START, ohlc(0.0201234, 0.0201300, 0.0201001, 0.02012));
    assertThat(TickSizeInference.fromPrices(pepe)).isEqualByComparingTo("0.0000001");
    ContractSpec spec = InferredContractSpec.from("SOLUSDT", btc);
    assertThat(spec.contractValueCurrency()).isEqualTo("SOL");
    // The lot is the largest power of ten worth at most 1 USDT at the high 93550: 0.00001.
    assertThat(spec.lotSize()).isEqualByComparingTo("0.00001");
    assertThat(spec.minSize()).isEqualByComparingTo("0.00001");
  }
}
