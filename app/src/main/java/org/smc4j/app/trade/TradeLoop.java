package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.scan.ScanPipeline;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.scan.CycleReport;
import org.smc4j.live.scan.PaperBrokers;
import org.smc4j.live.scan.PublishedSignals;
import org.smc4j.live.scan.ScanLoop;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.live.scan.ScanSignal;
import org.smc4j.live.scan.SignalChartRenderer;
import org.smc4j.live.scan.SignalHandler;
import org.smc4j.live.scan.SignalPublisher;
import org.smc4j.marketdata.okx.Sleeper;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.PlanSizer;

/**
 * The trade bot's loop, whatever its broker: the scan's {@link ScanLoop} (same configuration,
 * candles and strategy) whose one {@link TradePipeline} decides every signal against the broker the
 * given {@link PaperBrokers} factory opens per symbol (the paper broker, or an exchange's), and a
 * {@link SignalPublisher} that prints, journals and alerts each signal once with its decision
 * (TAKEN, or SKIPPED with the reason), through the same alert sinks as {@code scan}.
 *
 * <p>Everything goes to one journal file: the pipeline's decisions and the delivery outbox here,
 * the broker's execution journal ({@code exec_*} tables) beside them. A signal published by an
 * earlier run of the same journal is decided again when its candles are processed again (so the
 * broker's restored state follows it) but not published again.
 */
public final class TradeLoop implements AutoCloseable {

  /** The description prefix of the bot's runs in its journal. */
  public static final String RUN_PREFIX = "trade ";

  private final Smc4jConfig config;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final SqliteJournal journal;
  private final SignalPublisher publisher;
  private final TradePipeline pipeline;
  private final ScanLoop loop;

  /**
   * Opens the loop.
   *
   * @param config the configuration: strategy, risk, the backtest's guards, the scan loop
   * @param journalFile the bot's journal file (created when missing)
   * @param runDescription this run in the journal, after {@link #RUN_PREFIX}
   * @param signalsFile the JSON-lines file of the bot's signals
   * @param market the candles: OKX live, or recorded ones in a replay
   * @param clock the wall clock, or the replay's simulated one
   * @param sleeper how the loop waits
   * @param executor fetches symbols in parallel; null fetches them one after the other
   * @param brokers opens each symbol's broker
   * @param alerts the alert dispatcher over the configured sinks (closed here)
   * @param charts the renderer of alert charts; empty for none
   * @param decisions wraps the journal the pipeline records its decisions, cancellations and trades
   *     in (identity for none)
   * @param out where signal lines go
   */
  public TradeLoop(
      Smc4jConfig config,
      Path journalFile,
      String runDescription,
      Path signalsFile,
      ScanMarket market,
      InstantSource clock,
      Sleeper sleeper,
      ExecutorService executor,
      PaperBrokers brokers,
      AlertDispatcher alerts,
      Optional<SignalChartRenderer> charts,
      UnaryOperator<Journal> decisions,
      PrintWriter out) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    Set<String> earlier = PublishedSignals.keys(journalFile, RUN_PREFIX);
    this.journal = SqliteJournal.open(journalFile, RUN_PREFIX + runDescription);
    try {
      this.publisher =
          new SignalPublisher(out, signalsFile, journal, earlier, alerts, charts, clock);
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
    this.pipeline =
        ScanPipeline.pipeline(config, clock, decisions.apply(publisher.decisionJournal()));
    SignalPublisher p = publisher;
    SignalHandler handler =
        new SignalHandler() {
          @Override
          public void onSignal(ScanSignal signal) {
            p.onSignal(signal);
          }

          @Override
          public void onProcessed(String symbol, long closeMillis) {
            p.onProcessed(symbol, closeMillis);
          }
          // alreadyPublished stays false: an earlier run's signal is decided again, so that the
          // broker state restored from before it follows it; the publisher still prints, journals
          // and alerts it only once
        };
    this.loop =
        new ScanLoop(
            config.scan(),
            config.strategy(),
            new PlanSizer(config.risk().sizing()),
            pipeline,
            brokers,
            market,
            clock,
            sleeper,
            executor,
            handler);
  }

  /** Returns the pipeline that decides every signal (its guard book is saved and restored). */
  public TradePipeline pipeline() {
    return pipeline;
  }

  /** Returns the journal (decisions, outbox), for state saved in the same file. */
  public SqliteJournal journal() {
    return journal;
  }

  /** Returns the publisher. */
  public SignalPublisher publisher() {
    return publisher;
  }

  /**
   * Resumes each symbol after its last processed close: its signals from there on are live.
   *
   * @param lastProcessedClose symbol to close (epoch ms)
   */
  public void resumeAfter(Map<String, Long> lastProcessedClose) {
    loop.resumeAfter(lastProcessedClose);
  }

  /** Returns the close of the latest 5m candle closed by the clock's now. */
  public long latestClose() {
    return loop.latestClose();
  }

  /**
   * Runs one cycle (a replay's step: no pending deliveries retried, no progress saved).
   *
   * @param closeMillis a 5m close
   * @return what the cycle did
   * @throws InterruptedException when interrupted while fetching
   */
  public CycleReport cycle(long closeMillis) throws InterruptedException {
    return loop.cycle(closeMillis);
  }

  /**
   * Runs cycles until {@code stop} says so: for the latest close, then at every following close
   * plus the configured delay, delivering after each what is pending (a cycle ending after the next
   * close skips to the latest one; its candles are still fed).
   *
   * @param stop polled before each cycle
   * @param beforeCycle run before each cycle (e.g. reading the kill switch)
   * @param afterCycle told about each cycle
   * @throws InterruptedException when interrupted while waiting or fetching
   */
  public void run(BooleanSupplier stop, Runnable beforeCycle, Consumer<CycleReport> afterCycle)
      throws InterruptedException {
    long m5 = Timeframe.M5.millis();
    long close = loop.latestClose();
    publisher.retryPending();
    while (!stop.getAsBoolean()) {
      long wait = close + config.scan().closeDelay().toMillis() - clock.millis();
      if (wait > 0) {
        sleeper.sleep(Duration.ofMillis(wait));
      }
      if (stop.getAsBoolean()) {
        return;
      }
      beforeCycle.run();
      CycleReport report = loop.cycle(close);
      publisher.checkpoint();
      publisher.retryPending();
      afterCycle.accept(report);
      close = Math.max(close + m5, loop.latestClose());
    }
  }

  /** Closes the publisher (waiting, bounded, for alerts under way), then the journal. */
  @Override
  public void close() {
    try {
      publisher.close();
    } finally {
      journal.close();
    }
  }
}
