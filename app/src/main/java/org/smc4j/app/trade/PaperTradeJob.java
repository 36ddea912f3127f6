package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.backtest.broker.BrokerSnapshot;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.AlertSink;
import org.smc4j.live.scan.CrashPoint;
import org.smc4j.live.scan.CycleReport;
import org.smc4j.live.scan.OkxScanMarket;
import org.smc4j.live.scan.ReplayScanMarket;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.live.scan.SignalChartRenderer;
import org.smc4j.live.scan.SimulatedTime;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.OkxRateLimiter;
import org.smc4j.marketdata.okx.Sleeper;
import org.smc4j.risk.guard.GuardBook;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.execution.TradeStatus;
import org.smc4j.trading.execution.TradingEnvironment;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.order.OrderCancellation;
import org.smc4j.trading.order.Trade;

/**
 * {@code trade --mode paper}: the {@link TradeLoop} with the {@link PaperTrader}'s brokers (the
 * backtest's simulated broker and models, unchanged), on OKX's live closed candles ({@link #live})
 * or over recorded candles on a simulated clock ({@link #replay}, one cycle per 5m close). Every
 * signal is decided once, by the loop's pipeline; orders, fills and trades go to the execution
 * journal, decisions and alerts to the same journal file.
 *
 * <p>State survives a restart: after each cycle that changed it (and at least every hour of
 * candles) each symbol's broker (pending entry, open position) and the pipeline's guard book are
 * saved in the journal with the last close processed; a restarted session resumes each symbol after
 * that close with that state, processing again (idempotently) what came after it.
 */
public final class PaperTradeJob {

  /** Cycles after which the state is saved even when unchanged (so a restart resumes near). */
  private static final int SAVE_EVERY = 12;

  private PaperTradeJob() {}

  /**
   * What a paper session produced.
   *
   * @param cycles the cycles run, one per 5m close
   * @param trades the trades this process closed, in the order they closed
   * @param killSwitchSkips the signals a tripped kill switch kept from entering
   * @param failures the symbols that failed or were late, summed over the cycles
   */
  public record Result(long cycles, List<Trade> trades, long killSwitchSkips, long failures) {

    /** Copies the trades. */
    public Result {
      trades = List.copyOf(trades);
    }
  }

  /**
   * How a live paper session runs.
   *
   * @param clock the wall clock (possibly offset, {@code --now})
   * @param once one cycle for the latest close, then return
   * @param sinks the alert sinks (the same as {@code scan}'s)
   * @param charts the renderer of alert charts; empty for none
   * @param stop polled between cycles; true ends the session
   */
  public record LiveSettings(
      InstantSource clock,
      boolean once,
      List<AlertSink> sinks,
      Optional<SignalChartRenderer> charts,
      BooleanSupplier stop) {

    /** Validates and copies. */
    public LiveSettings {
      Objects.requireNonNull(clock, "clock");
      sinks = List.copyOf(sinks);
      Objects.requireNonNull(charts, "charts");
      Objects.requireNonNull(stop, "stop");
    }
  }

  /**
   * Runs a paper session over recorded candles, resuming after the state a previous session of the
   * same journal saved.
   *
   * @param config the configuration: strategy, risk, the backtest section's models, the scan loop
   * @param bars each symbol's 5m candles
   * @param specs each symbol's contract spec
   * @param journalFile the journal (created when missing; must be a paper one)
   * @param out where signal, order and trade lines go
   * @return the cycles, trades and kill-switch skips
   * @throws IllegalStateException when the journal was made in another environment
   */
  public static Result replay(
      Smc4jConfig config,
      Map<String, BarArrays> bars,
      Map<String, ContractSpec> specs,
      Path journalFile,
      PrintWriter out) {
    Objects.requireNonNull(config, "config");
    long delay = config.scan().closeDelay().toMillis();
    ReplayScanMarket probe = new ReplayScanMarket(bars, specs, InstantSource.fixed(Instant.EPOCH));
    long first = probe.firstClose();
    long last = probe.lastClose();
    PaperBookStore.State state = PaperBookStore.read(journalFile);
    long start = first;
    if (!state.books().isEmpty()) {
      long resume =
          state.books().values().stream()
              .mapToLong(PaperBookStore.Saved::lastClose)
              .min()
              .orElseThrow();
      start = Math.max(first, resume + Timeframe.M5.millis());
      out.println(
          "paper: resuming after " + Instant.ofEpochMilli(resume) + " with the saved state");
    }
    SimulatedTime time = new SimulatedTime(start + delay);
    try (ScanMarket market = new ReplayScanMarket(bars, specs, time);
        Session session =
            new Session(
                config,
                journalFile,
                "paper replay " + bars.keySet(),
                state,
                market,
                time,
                time,
                null,
                AlertDispatcher.synchronous(List.of()),
                Optional.empty(),
                out)) {
      long cycles = 0;
      long failures = 0;
      for (long close = start; close <= last; close += Timeframe.M5.millis()) {
        time.advanceTo(close + delay);
        session.trader.refreshKillSwitch();
        CycleReport report = session.loop.cycle(close);
        failures += report.failures().size() + report.late().size();
        session.afterCycle(false);
        cycles++;
      }
      session.afterCycle(true);
      out.flush();
      return new Result(
          cycles, session.trader.trades(), session.trader.killSwitchSkips(), failures);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("paper replay interrupted", e);
    }
  }

  /**
   * Runs a paper session on OKX's live closed candles (the {@code scan} loop's market), resuming
   * after the state a previous session of the same journal saved.
   *
   * @param config the configuration: OKX, the scan loop, strategy, risk, the backtest's models
   * @param journalFile the journal (created when missing; must be a paper one)
   * @param settings the clock, once or loop, alert sinks and stop condition
   * @param out where signal, order, trade and cycle lines go
   * @return the cycles, trades and kill-switch skips
   * @throws InterruptedException when interrupted while waiting or fetching
   * @throws IllegalStateException when the journal was made in another environment
   */
  public static Result live(
      Smc4jConfig config, Path journalFile, LiveSettings settings, PrintWriter out)
      throws InterruptedException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(settings, "settings");
    InstantSource clock = settings.clock();
    PaperBookStore.State state = PaperBookStore.read(journalFile);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            config.scan().fetchThreads(),
            r -> {
              Thread t = new Thread(r, "trade-fetch");
              t.setDaemon(true);
              return t;
            });
    // the loop's signal alerts and the kill switch's alerts share one dispatcher
    try (AlertDispatcher dispatcher =
            AlertDispatcher.asynchronous(settings.sinks(), 1000, Duration.ofSeconds(30));
        OkxMarketData okx =
            OkxMarketData.create(
                config
                    .okx()
                    .toSettings(
                        clock, Sleeper.SYSTEM, OkxRateLimiter.shared(), System.nanoTime()));
        ScanMarket market = new OkxScanMarket(okx, config.scan().symbols());
        Session session =
            new Session(
                config,
                journalFile,
                "paper live" + (settings.once() ? " --once" : ""),
                state,
                market,
                clock,
                Sleeper.SYSTEM,
                pool,
                dispatcher,
                settings.charts(),
                out)) {
      KillSwitchAlerts killSwitch =
          new KillSwitchAlerts(
              session.trader::refreshKillSwitch,
              session.trader::killSwitchLevel,
              session.trader::killSwitchReason,
              new BotAlerts("paper", config.scan().symbols(), dispatcher));
      long[] cycles = {0};
      long[] failures = {0};
      if (settings.once()) {
        long close = session.loop.latestClose();
        long wait = close + config.scan().closeDelay().toMillis() - clock.millis();
        if (wait > 0) {
          Sleeper.SYSTEM.sleep(Duration.ofMillis(wait));
        }
        session.loop.publisher().retryPending();
        killSwitch.run();
        CycleReport report = session.loop.cycle(close);
        session.afterCycle(true);
        session.loop.publisher().checkpoint();
        int pending = session.loop.publisher().pendingCount(Duration.ofSeconds(30));
        failures[0] = report.failures().size() + pending;
        cycles[0] = 1;
        summary(out, report, pending);
      } else {
        session.loop.run(
            settings.stop(),
            killSwitch,
            report -> {
              session.afterCycle(false);
              cycles[0]++;
              failures[0] += report.failures().size();
              summary(out, report, 0);
              long m5 = Timeframe.M5.millis();
              long next =
                  Math.max(
                      report.closeTime().toEpochMilli() + m5,
                      Math.floorDiv(clock.millis(), m5) * m5);
              out.println(
                  "waiting: next cycle at "
                      + Instant.ofEpochMilli(next + config.scan().closeDelay().toMillis())
                      + " (Ctrl-C stops; trade stop trips the kill switch)");
              out.flush();
            });
        session.afterCycle(true);
      }
      return new Result(
          cycles[0], session.trader.trades(), session.trader.killSwitchSkips(), failures[0]);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void summary(PrintWriter out, CycleReport r, int pendingDeliveries) {
    out.println(
        r.line() + (pendingDeliveries == 0 ? "" : ", pending deliveries: " + pendingDeliveries));
    out.flush();
  }

  /**
   * Returns the JSON-lines file of a journal's signals: beside it, {@code name-signals.jsonl}.
   *
   * @param journalFile the bot's journal
   * @return the signals file
   */
  public static Path signalsFileOf(Path journalFile) {
    String name = journalFile.getFileName().toString().replaceFirst("\\.sqlite$", "");
    return journalFile.resolveSibling(name + "-signals.jsonl");
  }

  /** One session: the execution journal, the paper brokers, the loop and the saved state. */
  private static final class Session implements AutoCloseable {

    final ExecutionJournal exec;
    final PaperTrader trader;
    final TradeLoop loop;
    private Map<String, BrokerSnapshot> lastSaved = Map.of();
    private Optional<GuardBook> lastGuard = Optional.empty();
    private int cyclesSinceSave;

    Session(
        Smc4jConfig config,
        Path journalFile,
        String description,
        PaperBookStore.State state,
        ScanMarket market,
        InstantSource clock,
        Sleeper sleeper,
        ExecutorService executor,
        AlertDispatcher alerts,
        Optional<SignalChartRenderer> charts,
        PrintWriter out) {
      this.exec = ExecutionJournal.open(journalFile);
      try {
        exec.bindEnvironment(TradingEnvironment.PAPER);
        this.trader =
            new PaperTrader(
                exec, config.backtest().models(config.risk().sizing().fees()), state.books(), out);
        this.loop =
            new TradeLoop(
                config,
                journalFile,
                description,
                signalsFileOf(journalFile),
                market,
                clock,
                sleeper,
                executor,
                trader,
                alerts,
                charts,
                this::onlyNew,
                out);
      } catch (RuntimeException e) {
        exec.close();
        throw e;
      }
      state.guard().ifPresent(loop.pipeline()::restoreGuardBook);
      Map<String, Long> resume = new LinkedHashMap<>();
      state.books().forEach((symbol, saved) -> resume.put(symbol, saved.lastClose()));
      loop.resumeAfter(resume);
      if (trader.killSwitchLevel() > 0) {
        out.println("paper: " + trader.killSwitchReason() + " (until trade stop --clear)");
      }
    }

    /**
     * The pipeline's journal without the cancellations and trades the execution journal already
     * closed: those are processed again after a restart (so the guard book follows them) but were
     * journaled by the run before.
     */
    private Journal onlyNew(Journal journal) {
      return new Journal() {
        @Override
        public void recordSignal(SignalRecord signal) {
          journal.recordSignal(signal);
        }

        @Override
        public void recordCancel(OrderCancellation cancellation) {
          if (!closed(cancellation.intent())) {
            journal.recordCancel(cancellation);
          }
        }

        @Override
        public void recordTrade(Trade trade) {
          if (!closed(trade.intent())) {
            journal.recordTrade(trade);
          }
        }

        @Override
        public void flush() {
          journal.flush();
        }

        @Override
        public void close() {
          journal.close();
        }
      };
    }

    private boolean closed(org.smc4j.trading.order.OrderIntent in) {
      return trader.journaled(in).map(t -> t.status() == TradeStatus.CLOSED).orElse(false);
    }

    /** Saves the state when it changed, every {@link #SAVE_EVERY} cycles, or when told to. */
    void afterCycle(boolean force) {
      cyclesSinceSave++;
      Map<String, PaperBookStore.Saved> books = trader.books();
      Map<String, BrokerSnapshot> held = new LinkedHashMap<>();
      books.forEach((s, b) -> held.put(s, b.snapshot()));
      Optional<GuardBook> guard = loop.pipeline().guardBook();
      if (!force
          && cyclesSinceSave < SAVE_EVERY
          && held.equals(lastSaved)
          && guard.equals(lastGuard)) {
        return;
      }
      if (books.isEmpty()) {
        return;
      }
      PaperBookStore.write(loop.journal(), books, guard);
      CrashPoint.reached("paper-saved");
      lastSaved = held;
      lastGuard = guard;
      cyclesSinceSave = 0;
    }

    @Override
    public void close() {
      try {
        loop.close();
      } finally {
        exec.close();
      }
    }
  }
}
