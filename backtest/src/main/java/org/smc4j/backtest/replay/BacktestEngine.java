package org.smc4j.backtest.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.smc4j.backtest.broker.SimulatedBroker;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.trading.broker.BrokerListener;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.Trade;
import org.smc4j.trading.pipeline.PipelineSettings;
import org.smc4j.trading.pipeline.TradePipeline;

/**
 * The event-driven backtest: replays closed 5m candles of many symbols merged in time order and
 * turns the strategy's signals into orders at one {@link SimulatedBroker} per symbol.
 *
 * <p>It runs in two phases. First, each symbol's candles stream through the strategy ({@link
 * SignalSource}, by default the live scanner's engine), symbols in parallel on {@link
 * BacktestSettings#threads()} threads; the strategy's output depends on candles only, never on
 * fills, so this is exact. Second, one thread merges all symbols' candles by close time (a heap
 * over per-symbol cursors; ties in symbol order) and at each candle: the broker processes it
 * (fills, exits, funding), then the events known at its close are applied in the order the strategy
 * made them: a POI death cancels a pending entry from that POI; a signal goes through the shared
 * {@link TradePipeline} (one position per symbol, sizing with the risk module, the portfolio guards
 * when configured, the order to the symbol's broker), which journals every signal and its decision,
 * every cancellation and every trade.
 */
public final class BacktestEngine {

  private final BacktestSettings settings;

  /**
   * Creates an engine.
   *
   * @param settings how to run
   */
  public BacktestEngine(BacktestSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs a backtest. A symbol whose replay fails is reported in {@link BacktestResult#failures()}
   * and left out; the others complete.
   *
   * @param inputs the symbols, each once
   * @param journal receives every signal, cancellation and trade
   * @param progress told how far the run has got
   * @return the trades, signals, cancellations and failures
   * @throws IllegalArgumentException when a symbol is given twice or no symbol is given
   */
  public BacktestResult run(List<SymbolInput> inputs, Journal journal, ProgressListener progress) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(progress, "progress");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no symbol to backtest");
    }
    if (inputs.stream().map(SymbolInput::symbol).distinct().count() != inputs.size()) {
      throw new IllegalArgumentException(
          "each symbol must be given once, was "
              + inputs.stream().map(SymbolInput::symbol).collect(Collectors.toList()));
    }
    long total = 2 * inputs.stream().mapToLong(in -> in.fiveMinute().size()).sum();
    AtomicLong done = new AtomicLong();
    List<SymbolFailure> failures = new ArrayList<>();
    List<SymbolState> states = replayStrategy(inputs, progress, total, done, failures);
    if (states.isEmpty()) {
      return new BacktestResult(
          List.of(), List.of(), List.of(), failures, Instant.EPOCH, Instant.EPOCH.plusMillis(1), 0);
    }
    return new Replay(states, journal, progress, total, done, failures).run();
  }

  private List<SymbolState> replayStrategy(
      List<SymbolInput> inputs,
      ProgressListener progress,
      long total,
      AtomicLong done,
      List<SymbolFailure> failures) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(settings.threads(), inputs.size()));
    try {
      List<Future<List<ReplayEvent>>> futures = new ArrayList<>();
      for (SymbolInput in : inputs) {
        double tick = in.spec().tickSize().doubleValue();
        futures.add(
            pool.submit(
                () ->
                    settings
                        .signals()
                        .events(
                            in.symbol(),
                            in.fiveMinute(),
                            tick,
                            n -> progress.onProgress(done.addAndGet(n), total))));
      }
      List<SymbolState> states = new ArrayList<>();
      for (int k = 0; k < inputs.size(); k++) {
        SymbolInput in = inputs.get(k);
        try {
          states.add(new SymbolState(in, futures.get(k).get()));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          failures.add(new SymbolFailure(in.symbol(), String.valueOf(cause.getMessage())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("backtest interrupted", e);
        }
      }
      return states;
    } finally {
      pool.shutdownNow();
    }
  }

  private static final class SymbolState {
    final SymbolInput input;
    final BarArrays bars;
    final long[] openTimes;
    final long period;
    final List<ReplayEvent> events;
    SimulatedBroker broker;
    int bar;
    int nextEvent;

    /** The bar index of the next event, or -1 when there is none. */
    int nextEventBar;

    SymbolState(SymbolInput input, List<ReplayEvent> events) {
      this.input = input;
      this.bars = input.fiveMinute();
      this.openTimes = bars.openTimeMillisUnsafe();
      this.period = bars.timeframe().millis();
      this.events = events;
      this.nextEventBar = events.isEmpty() ? -1 : events.get(0).barIndex();
    }
  }

  /** The single-threaded, time-merged second phase. */
  private final class Replay {
    private final List<SymbolState> states;
    private final Journal journal;
    private final ProgressListener progress;
    private final long total;
    private final AtomicLong done;
    private final List<SymbolFailure> failures;
    private final SimulatedClock clock;
    private final TradePipeline pipeline;
    private final List<Trade> trades = new ArrayList<>();
    private final List<SignalRecord> signals = new ArrayList<>();
    private final List<OrderCancellation> cancellations = new ArrayList<>();

    Replay(
        List<SymbolState> states,
        Journal journal,
        ProgressListener progress,
        long total,
        AtomicLong done,
        List<SymbolFailure> failures) {
      this.states = states;
      this.journal = journal;
      this.progress = progress;
      this.total = total;
      this.done = done;
      this.failures = failures;
      long start = states.stream().mapToLong(s -> s.bars.openTimeMillis(0)).min().orElse(0);
      this.clock = new SimulatedClock(start);
      this.pipeline =
          new TradePipeline(
              new PipelineSettings(settings.sizing(), settings.guards(), settings.accountEquity()),
              clock,
              journal);
    }

    BacktestResult run() {
      for (SymbolState s : states) {
        String symbol = s.input.symbol();
        s.broker =
            new SimulatedBroker(
                symbol,
                s.input.spec().tickSize().doubleValue(),
                settings.models(),
                s.input.oneMinute(),
                new BrokerListener() {
                  @Override
                  public void onCancel(OrderCancellation cancellation) {
                    cancellations.add(cancellation);
                    pipeline.onCancel(cancellation);
                  }

                  @Override
                  public void onTrade(Trade trade) {
                    trades.add(trade);
                    pipeline.onTrade(trade);
                  }
                });
      }
      // a binary min-heap of symbol slots keyed by the close time of each symbol's next candle,
      // ties in symbol order (slots are in input order): no boxing or comparator calls per bar
      int k = states.size();
      SymbolState[] slot = states.toArray(new SymbolState[0]);
      long[] key = new long[k];
      int[] heap = new int[k];
      for (int j = 0; j < k; j++) {
        key[j] = slot[j].openTimes[0] + slot[j].period;
        heap[j] = j;
      }
      int size = k;
      for (int j = k / 2 - 1; j >= 0; j--) {
        siftDown(heap, key, size, j);
      }
      long bars = 0;
      while (size > 0) {
        int top = heap[0];
        SymbolState s = slot[top];
        int i = s.bar;
        clock.set(key[top]);
        s.broker.onBar(s.bars, i);
        if (s.nextEventBar == i) {
          List<ReplayEvent> events = s.events;
          int e = s.nextEvent;
          int n = events.size();
          while (e < n && events.get(e).barIndex() == i) {
            apply(s, events.get(e++));
          }
          s.nextEvent = e;
          s.nextEventBar = e < n ? events.get(e).barIndex() : -1;
        }
        bars++;
        if ((bars & 1023) == 0) {
          progress.onProgress(done.addAndGet(1024), total);
        }
        if (i + 1 < s.openTimes.length) {
          s.bar = i + 1;
          key[top] = s.openTimes[i + 1] + s.period;
        } else {
          s.broker.finish(s.bars, i);
          heap[0] = heap[--size];
        }
        siftDown(heap, key, size, 0);
      }
      progress.onProgress(done.addAndGet(bars & 1023), total);
      long from = states.stream().mapToLong(s -> s.bars.openTimeMillis(0)).min().orElseThrow();
      long to =
          states.stream()
              .mapToLong(s -> s.bars.closeTimeMillis(s.bars.size() - 1))
              .max()
              .orElseThrow();
      journal.flush();
      return new BacktestResult(
          trades,
          signals,
          cancellations,
          failures,
          Instant.ofEpochMilli(from),
          Instant.ofEpochMilli(to),
          bars);
    }

    /** Restores the heap order below {@code at}: smaller close time first, then smaller slot. */
    private static void siftDown(int[] heap, long[] key, int size, int at) {
      int x = heap[at];
      long kx = key[x];
      int half = size >>> 1;
      while (at < half) {
        int child = 2 * at + 1;
        int c = heap[child];
        int right = child + 1;
        if (right < size) {
          int r = heap[right];
          if (key[r] < key[c] || (key[r] == key[c] && r < c)) {
            child = right;
            c = r;
          }
        }
        if (kx < key[c] || (kx == key[c] && x < c)) {
          break;
        }
        heap[at] = c;
        at = child;
      }
      heap[at] = x;
    }

    private void apply(SymbolState s, ReplayEvent event) {
      switch (event) {
        case ReplayEvent.PoiDeath d -> {
          // most POIs die with nothing pending: build the cancellation's time and text only
          // for the one that has an entry waiting
          if (s.broker.hasPendingEntryFrom(d.poiId())) {
            s.broker.cancelPendingForPoi(
                d.poiId(),
                Instant.ofEpochMilli(s.openTimes[s.bar] + s.period),
                "POI died: " + d.reason());
          }
        }
        case ReplayEvent.Signal sig ->
            signals.add(pipeline.onSignal(sig.plan(), s.input.spec(), s.broker).record());
      }
    }
  }
}
