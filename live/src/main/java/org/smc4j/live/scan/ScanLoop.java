package org.smc4j.live.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.marketdata.okx.Sleeper;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.PlanSizer;

/**
 * The scan loop. At each 5m close (plus the configured delay) one cycle: the universe (top N by 24
 * h quote volume) is refreshed when due; each symbol is backfilled once for warm-up, then only its
 * newest closed candles are fetched and fed to its {@link SymbolFeed}, which decides every new
 * signal with the shared {@link TradePipeline} against the symbol's paper fills (one position per
 * symbol, the guard book, as in the backtest); each goes to the {@link SignalHandler} with its
 * decision as soon as its symbol is done. Symbols are fetched in parallel on the given executor
 * (all sharing the market's rate budgets); a symbol that fails is reported beside the others and
 * tried again next cycle.
 *
 * <p>Time only comes from the injected clock and sleeper, so the same loop runs live, in tests and
 * over history ({@code scan --replay}, on {@link SimulatedTime}).
 */
public final class ScanLoop {

  private static final Logger log = LoggerFactory.getLogger(ScanLoop.class);
  private static final long M5 = Timeframe.M5.millis();

  /** The most candles one incremental fetch asks for (beyond, the symbol is backfilled again). */
  private static final int MAX_CATCH_UP = 1440;

  private final LoopConfig config;
  private final StrategyConfig strategy;
  private final PlanSizer sizer;
  private final TradePipeline pipeline;
  private final PaperBrokers brokers;
  private final ScanMarket market;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final ExecutorService executor;
  private final SignalHandler handler;
  private final Map<String, SymbolFeed> feeds = new LinkedHashMap<>();
  private Map<String, Long> resumeAfter = Map.of();
  private List<String> universe = List.of();
  private long universeFetchedAt = Long.MIN_VALUE;

  public ScanLoop(
      LoopConfig config,
      StrategyConfig strategy,
      PlanSizer sizer,
      TradePipeline pipeline,
      PaperBrokers brokers,
      ScanMarket market,
      InstantSource clock,
      Sleeper sleeper,
      ExecutorService executor,
      SignalHandler handler) {
    this.config = Objects.requireNonNull(config, "config");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.sizer = Objects.requireNonNull(sizer, "sizer");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.market = Objects.requireNonNull(market, "market");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.executor = executor;
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Catches up after a restart: a symbol's signals known after its last processed close (and within
   * its backfill) are handed over as new, not treated as warm-up. Call before the first cycle.
   *
   * @param lastProcessedClose each symbol's last processed close (epoch ms), e.g. from the journal
   */
  public void resumeAfter(Map<String, Long> lastProcessedClose) {
    this.resumeAfter = Map.copyOf(lastProcessedClose);
  }

  /** Returns the close time of the latest 5m candle that has closed by the clock's now. */
  public long latestClose() {
    return Math.floorDiv(clock.millis(), M5) * M5;
  }

  /** Returns the symbols scanned in the last cycle, best first. */
  List<String> universe() {
    return universe;
  }

  /**
   * Runs cycles until {@code stop} says so or the thread is interrupted: first for the latest
   * close, then at every following close plus the configured delay. A cycle that ends after the
   * next close skips to the latest one (candles of skipped closes are still fetched and fed, so
   * nothing is missed; only the waiting is skipped).
   *
   * @param stop polled between cycles
   * @param onCycle told about every cycle
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public void run(BooleanSupplier stop, Consumer<CycleReport> onCycle) throws InterruptedException {
    long close = latestClose();
    while (!stop.getAsBoolean()) {
      long startAt = close + config.closeDelay().toMillis();
      long wait = startAt - clock.millis();
      if (wait > 0) {
        sleeper.sleep(Duration.ofMillis(wait));
      }
      if (stop.getAsBoolean()) {
        return;
      }
      onCycle.accept(cycle(close));
      close = Math.max(close + M5, latestClose());
    }
  }

  /**
   * Runs one cycle for the candle closing at {@code closeMillis}.
   *
   * @param closeMillis a 5m close time
   * @return what the cycle did
   * @throws InterruptedException when the thread is interrupted while fetching
   */
  public CycleReport cycle(long closeMillis) throws InterruptedException {
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<String> late = Collections.synchronizedList(new ArrayList<>());
    refreshUniverse(failures);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (String symbol : universe) {
      tasks.add(() -> scanSymbol(symbol, closeMillis, late, failures));
    }
    int signals = 0;
    if (executor == null) {
      for (Callable<Integer> task : tasks) {
        try {
          signals += task.call();
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("scan task failed: " + e, e);
        }
      }
    } else {
      for (Future<Integer> f : executor.invokeAll(tasks)) {
        try {
          signals += f.get();
        } catch (ExecutionException e) {
          failures.add("scan task failed: " + e.getCause());
        }
      }
    }
    CycleReport report =
        new CycleReport(
            Instant.ofEpochMilli(closeMillis), universe.size(), signals, late, failures);
    if (!report.failures().isEmpty() || !report.late().isEmpty()) {
      log.warn(
          "cycle {}: {} symbols, {} signals, late {}, failures {}",
          report.closeTime(),
          report.symbols(),
          report.signals(),
          report.late(),
          report.failures());
    } else if (signals > 0) {
      log.info(
          "cycle {}: {} symbols, {} signals",
          report.closeTime(),
          report.symbols(),
          report.signals());
    } else {
      // Quiet cycles are the rule (and tens of thousands in a replay): debug only.
      log.debug(
          "cycle {}: {} symbols, {} signals",
          report.closeTime(),
          report.symbols(),
          report.signals());
    }
    return report;
  }

  private void refreshUniverse(List<String> failures) {
    long now = clock.millis();
    if (universeFetchedAt != Long.MIN_VALUE
        && now - universeFetchedAt < config.universeRefresh().toMillis()) {
      return;
    }
    try {
      List<String> fresh = market.universe(config.topN());
      if (fresh.isEmpty()) {
        // An empty answer is a fault of the source, not an empty market: keep the last good one.
        failures.add("universe: " + market.universeSource() + " gave 0 symbols");
        log.warn(
            "universe: {} gave 0 symbols; keeping the previous {} symbols, retried next cycle",
            market.universeSource(),
            universe.size());
        return;
      }
      if (!fresh.equals(universe)) {
        log.info("universe ({} symbols): {}", fresh.size(), fresh);
      }
      universe = fresh;
      universeFetchedAt = now;
      feeds.keySet().retainAll(fresh);
    } catch (RuntimeException e) {
      failures.add("universe: " + e.getMessage());
      log.error(
          "universe refresh failed, keeping the previous {} symbols: {}",
          universe.size(),
          e.getMessage());
    }
  }

  private SymbolFeed feedOf(String symbol, long closeMillis) {
    synchronized (feeds) {
      SymbolFeed feed = feeds.get(symbol);
      if (feed == null) {
        ContractSpec spec = market.spec(symbol);
        Long resume = resumeAfter.get(symbol);
        long liveFrom = resume != null && resume < closeMillis ? resume + 1 : closeMillis;
        feed =
            new SymbolFeed(
                symbol,
                spec,
                strategy,
                sizer,
                pipeline,
                brokers.open(symbol, spec, pipeline),
                key -> {
                  boolean seen = handler.alreadyPublished(key);
                  if (seen) {
                    log.info("{}: already published, not repeated", key);
                  }
                  return seen;
                },
                liveFrom);
        feeds.put(symbol, feed);
      }
      return feed;
    }
  }

  private int scanSymbol(String symbol, long closeMillis, List<String> late, List<String> failures)
      throws InterruptedException {
    try {
      SymbolFeed feed = feedOf(symbol, closeMillis);
      int signals = 0;
      for (int attempt = 0; ; attempt++) {
        if (feed.warmedUp() && feed.lastCloseMillis() >= closeMillis) {
          return signals;
        }
        int count;
        if (!feed.warmedUp()) {
          count = config.backfillBars();
        } else {
          long behind = (closeMillis - feed.lastCloseMillis()) / M5;
          count = (int) Math.min(MAX_CATCH_UP, behind + 1);
        }
        BarArrays bars = market.latestClosed(symbol, count);
        List<ScanSignal> found = feed.feed(bars);
        for (ScanSignal s : found) {
          handler.onSignal(s);
        }
        signals += found.size();
        if (feed.warmedUp()) {
          handler.onProcessed(symbol, feed.lastCloseMillis());
        }
        if (feed.warmedUp() && feed.lastCloseMillis() >= closeMillis) {
          return signals;
        }
        if (attempt >= config.lateRetries()) {
          late.add(symbol);
          return signals;
        }
        sleeper.sleep(config.lateRetryDelay());
      }
    } catch (InterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted while scanning " + symbol);
      }
      failures.add(symbol + ": " + e.getMessage());
      log.error("{}: {}", symbol, e.getMessage());
      synchronized (feeds) {
        // A feed whose candles were not all fed stays; one whose spec failed is retried next cycle.
        if (feeds.containsKey(symbol) && !feeds.get(symbol).warmedUp()) {
          feeds.remove(symbol);
        }
      }
      return 0;
    }
  }
}
