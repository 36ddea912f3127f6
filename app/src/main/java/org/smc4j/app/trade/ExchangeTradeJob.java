package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.config.TradeConfig;
import org.smc4j.app.config.TradeMode;
import org.smc4j.app.scan.ScanPipeline;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.execution.CrashPoints;
import org.smc4j.exchange.okx.execution.ExecutionAlerts;
import org.smc4j.exchange.okx.execution.ExecutionSettings;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.execution.OkxExecutor;
import org.smc4j.exchange.okx.execution.StartRefusedException;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.live.scan.CycleReport;
import org.smc4j.live.scan.OkxScanMarket;
import org.smc4j.live.scan.ScanLoop;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.Sleeper;
import org.smc4j.trading.execution.ExecutionJournal;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.pipeline.PipelineSettings;
import org.smc4j.trading.pipeline.TradePipeline;
import org.smc4j.trading.plan.PlanSizer;

/**
 * {@code trade --mode demo|live}: the scan's live candle loop and signal pipeline with every taken
 * signal traded on OKX by the {@link OkxBroker}. Before the first order the account pre-flight runs
 * (clock, key, trade permission, position mode, margin mode, the journal's environment) and the
 * journal is reconciled with the exchange; a refusal ends the job before any order. {@code --mode
 * live} is refused unless the configuration says {@code trade.mode: live}.
 *
 * <p>Between cycles the bot reconciles every {@code trade.reconcile-interval}, which also applies a
 * kill switch tripped by {@code trade stop} in another process. The daily loss limit and the most
 * open trades ({@code risk.guards}) are enforced by the executor from the execution journal, not by
 * the pipeline's in-memory guards.
 */
public final class ExchangeTradeJob {

  private static final Logger log = LoggerFactory.getLogger(ExchangeTradeJob.class);

  /** The system property naming the execution point a crash test halts the JVM at. */
  public static final String CRASH_PROPERTY = "smc4j.test.crashAt";

  /** The exit status of a halt at a crash point. */
  public static final int CRASH_STATUS = 86;

  private ExchangeTradeJob() {}

  /**
   * One run of the bot.
   *
   * @param config the configuration (strategy, risk, scan loop, okx, trade)
   * @param mode demo or live
   * @param credentials the API key, from the environment or {@code .env}
   * @param executionJournal the execution journal (created when missing)
   * @param clock the bot's clock (the wall clock, or an offset one to re-run a past close)
   * @param once run one cycle (the latest close) and return
   * @param crashPoints the test-only crash hook, {@link CrashPoints#NONE} in production
   */
  public record Request(
      Smc4jConfig config,
      TradeMode mode,
      OkxCredentials credentials,
      Path executionJournal,
      InstantSource clock,
      boolean once,
      CrashPoints crashPoints) {

    /** Validates the request. */
    public Request {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(credentials, "credentials");
      Objects.requireNonNull(executionJournal, "executionJournal");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(crashPoints, "crashPoints");
      if (mode == TradeMode.PAPER) {
        throw new IllegalArgumentException("mode must be demo or live, was paper");
      }
    }

    /** Returns where the pipeline's signal decisions go: {@code <journal>-signals.sqlite}. */
    public Path signalJournal() {
      String name = executionJournal.getFileName().toString().replaceFirst("\\.sqlite$", "");
      return executionJournal.resolveSibling(name + "-signals.sqlite");
    }
  }

  /** How a run ended. */
  public sealed interface Outcome permits Refused, Finished {}

  /**
   * The bot did not start: nothing was sent to the exchange but read-only checks.
   *
   * @param reason what was wrong and what to change
   */
  public record Refused(String reason) implements Outcome {
    /** Validates the record. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The bot ran and stopped (after one cycle with {@code once}, else when told to stop).
   *
   * @param cycles the cycles run
   * @param failures the symbol failures of the last cycle
   * @param openTrades the journal's open trades at the end
   * @param killSwitchLevel the journal's kill-switch level at the end
   */
  public record Finished(long cycles, int failures, int openTrades, int killSwitchLevel)
      implements Outcome {}

  /**
   * Tells whether the configuration allows the mode: live needs {@code trade.mode: live}.
   *
   * @param config the configuration
   * @param mode the requested mode
   * @return the refusal, or empty when allowed
   */
  public static Optional<String> gate(Smc4jConfig config, TradeMode mode) {
    if (mode == TradeMode.LIVE && config.trade().mode() != TradeMode.LIVE) {
      return Optional.of(
          "--mode live is refused: the configuration must say trade.mode: live (it says "
              + config.trade().mode().name().toLowerCase(java.util.Locale.ROOT)
              + "); run --mode demo first and see the README's demo checklist");
    }
    return Optional.empty();
  }

  /**
   * The test-only crash hook: halts the JVM (no shutdown hooks, no flushing, as a kill would) with
   * status {@value #CRASH_STATUS} at the execution point the system property {@value
   * #CRASH_PROPERTY} names; does nothing when it is unset.
   *
   * @return the hook
   */
  public static CrashPoints crashPointsFromProperty() {
    String wanted = System.getProperty(CRASH_PROPERTY);
    if (wanted == null || wanted.isBlank()) {
      return CrashPoints.NONE;
    }
    return point -> {
      if (point.equals(wanted)) {
        Runtime.getRuntime().halt(CRASH_STATUS);
      }
    };
  }

  /**
   * Runs the bot: gate, client, instruments, pre-flight and startup reconciliation, then the loop.
   *
   * @param request what to run
   * @param stop polled between cycles and waits (Ctrl-C sets it)
   * @param out where the header, order, trade and cycle lines go
   * @return refused (before any order) or finished
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public static Outcome run(Request request, BooleanSupplier stop, PrintWriter out)
      throws InterruptedException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(out, "out");
    Smc4jConfig config = request.config();
    Optional<String> gated = gate(config, request.mode());
    if (gated.isPresent()) {
      return new Refused(gated.get());
    }
    TradeConfig trade = config.trade();
    boolean demo = request.mode() == TradeMode.DEMO;
    OkxEnvironment environment = demo ? OkxEnvironment.DEMO : OkxEnvironment.LIVE;
    String label = demo ? "demo" : "live";
    InstantSource clock = request.clock();
    OkxClientConfig clientConfig =
        new OkxClientConfig(
            config.okx().baseUrl(),
            environment,
            Optional.of(request.credentials()),
            config.okx().requestTimeout(),
            OkxClientConfig.DEFAULT_EXP_TIME_WINDOW);
    OkxClient client =
        OkxClient.create(
            clientConfig,
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.okx().requestTimeout())
                .build(),
            clock,
            OkxRateLimiter.halfOfPublished(clock, org.smc4j.exchange.okx.rate.Sleeper.SYSTEM));
    out.println(
        label.toUpperCase(java.util.Locale.ROOT)
            + " trading on "
            + config.okx().baseUrl()
            + (demo ? " with header x-simulated-trading: 1" : " (real money)")
            + ", margin "
            + trade.marginMode().wire()
            + ", execution journal "
            + request.executionJournal()
            + ", signal journal "
            + request.signalJournal());
    out.flush();
    OkxResult<List<OkxInstrument>> listed = client.instruments("SWAP", "");
    if (!(listed instanceof OkxResult.Ok<List<OkxInstrument>> instruments)) {
      return new Refused(
          "cannot read the SWAP instruments from "
              + config.okx().baseUrl()
              + ": "
              + listed.failure().orElseThrow().describe());
    }
    ExecutionSettings defaults =
        ExecutionSettings.defaults(
            config.risk().guards().maxDailyLossUsd(), config.risk().guards().maxConcurrentTrades());
    ExecutionSettings settings =
        new ExecutionSettings(
            trade.marginMode(),
            trade.unprotectedDeadline(),
            defaults.expTimeMargin(),
            defaults.marketPollInterval(),
            defaults.marketPolls(),
            defaults.unknownKillAfter(),
            defaults.dailyLossLimit(),
            defaults.maxOpenTrades(),
            defaults.orphanPolicy(),
            defaults.backoff(),
            System.nanoTime());
    ExecutionAlerts alerts =
        message -> {
          log.warn("{}: ALERT {}", label, message);
          synchronized (out) {
            out.println(label + ": ALERT " + message);
            out.flush();
          }
        };
    try (ExecutionJournal journal = ExecutionJournal.open(request.executionJournal())) {
      OkxExecutor executor =
          new OkxExecutor(
              client,
              journal,
              settings,
              instruments.value(),
              clock,
              org.smc4j.exchange.okx.rate.Sleeper.SYSTEM,
              alerts,
              request.crashPoints());
      try {
        executor.start(
            PreflightSettings.of(
                environment,
                config.okx().baseUrl(),
                PositionMode.NET,
                trade.marginMode(),
                Optional.empty()));
      } catch (StartRefusedException e) {
        return new Refused(e.getMessage());
      } catch (IllegalStateException e) {
        return new Refused("refusing to start: " + e.getMessage());
      }
      out.println(
          label
              + ": pre-flight passed, journal reconciled; open trades "
              + journal.openTrades().size()
              + ", kill switch level "
              + journal.killSwitchLevel());
      out.flush();
      return loop(request, executor, label, out, stop);
    }
  }

  private static Outcome loop(
      Request request, OkxExecutor executor, String label, PrintWriter out, BooleanSupplier stop)
      throws InterruptedException {
    Smc4jConfig config = request.config();
    InstantSource clock = request.clock();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            config.scan().fetchThreads(),
            r -> {
              Thread t = new Thread(r, "trade-fetch");
              t.setDaemon(true);
              return t;
            });
    try (OkxMarketData okx =
            OkxMarketData.create(
                config
                    .okx()
                    .toSettings(
                        clock,
                        Sleeper.SYSTEM,
                        org.smc4j.marketdata.okx.OkxRateLimiter.shared(),
                        System.nanoTime()));
        ScanMarket market = new OkxScanMarket(okx, config.scan().symbols());
        Journal signals =
            SqliteJournal.open(request.signalJournal(), "trade " + label + " decisions");
        Journal scanDecisions =
            SqliteJournal.open(scanJournalOf(request.signalJournal()), "trade scan decisions")) {
      // The executor enforces the daily loss and the open trades from its journal, so the
      // pipeline runs without its in-memory guards (it would never hear of an exchange close).
      TradePipeline pipeline =
          new TradePipeline(
              new PipelineSettings(
                  config.risk().sizing(), Optional.empty(), config.risk().accountEquityUsd()),
              clock.withZone(ZoneOffset.UTC),
              signals);
      ExchangeTrader trader =
          new ExchangeTrader(
              pipeline,
              new OkxBroker(executor, config.trade().entryValidity()),
              executor,
              label,
              out);
      ScanLoop loop =
          new ScanLoop(
              config.scan(),
              config.strategy(),
              new PlanSizer(config.risk().sizing()),
              ScanPipeline.pipeline(config, clock, scanDecisions),
              ScanPipeline.paperBrokers(config),
              market,
              clock,
              reconcilingSleeper(clock, config.trade().reconcileInterval(), trader, stop),
              pool,
              trader);
      long[] cycles = {0};
      int[] failures = {0};
      if (request.once()) {
        long close = loop.latestClose();
        long wait = close + config.scan().closeDelay().toMillis() - clock.millis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        CycleReport report = loop.cycle(close);
        cycles[0]++;
        failures[0] = report.failures().size();
        summary(out, label, report, executor);
      } else {
        loop.run(
            stop,
            report -> {
              cycles[0]++;
              failures[0] = report.failures().size();
              summary(out, label, report, executor);
            });
      }
      return new Finished(
          cycles[0],
          failures[0],
          executor.journal().openTrades().size(),
          executor.journal().killSwitchLevel());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits like the system sleeper, reconciling every {@code interval} while it waits. */
  private static Sleeper reconcilingSleeper(
      InstantSource clock, Duration interval, ExchangeTrader trader, BooleanSupplier stop) {
    long step = interval.toMillis();
    long[] next = {clock.millis() + step};
    return duration -> {
      long end = clock.millis() + duration.toMillis();
      while (!stop.getAsBoolean()) {
        long now = clock.millis();
        if (now >= end) {
          return;
        }
        synchronized (next) {
          if (now >= next[0]) {
            trader.reconcile();
            next[0] = clock.millis() + step;
          }
        }
        Thread.sleep(Math.max(1, Math.min(end, next[0]) - now));
      }
    };
  }

  private static void summary(PrintWriter out, String label, CycleReport r, OkxExecutor executor) {
    synchronized (out) {
      out.println(
          "cycle "
              + r.closeTime()
              + ": "
              + r.symbols()
              + " symbols, "
              + r.signals()
              + " new signals"
              + (r.late().isEmpty() ? "" : ", late: " + r.late())
              + (r.failures().isEmpty() ? "" : ", failures: " + r.failures())
              + "; "
              + label
              + " open trades "
              + executor.journal().openTrades().size()
              + ", kill switch level "
              + executor.journal().killSwitchLevel());
      out.flush();
    }
  }

  /**
   * Where the scan loop's own decisions go: beside the signal journal, {@code name-scan.sqlite}.
   */
  private static Path scanJournalOf(Path signalJournal) {
    String name = signalJournal.getFileName().toString().replaceFirst("\\.sqlite$", "");
    return signalJournal.resolveSibling(name + "-scan.sqlite");
  }
}
