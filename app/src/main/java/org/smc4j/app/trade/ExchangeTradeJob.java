package org.smc4j.app.trade;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.config.TradeConfig;
import org.smc4j.app.config.TradeMode;
import org.smc4j.exchange.okx.OkxClient;
import org.smc4j.exchange.okx.OkxClientConfig;
import org.smc4j.exchange.okx.OkxEnvironment;
import org.smc4j.exchange.okx.OkxResult;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.exchange.okx.execution.CrashPoints;
import org.smc4j.exchange.okx.execution.DeadManSettings;
import org.smc4j.exchange.okx.execution.DeadManSwitch;
import org.smc4j.exchange.okx.execution.ExecutionAlerts;
import org.smc4j.exchange.okx.execution.ExecutionSettings;
import org.smc4j.exchange.okx.execution.OkxBroker;
import org.smc4j.exchange.okx.execution.OkxExecutor;
import org.smc4j.exchange.okx.execution.ReconciliationLoop;
import org.smc4j.exchange.okx.execution.StartRefusedException;
import org.smc4j.exchange.okx.model.OkxInstrument;
import org.smc4j.exchange.okx.model.PositionMode;
import org.smc4j.exchange.okx.preflight.PreflightSettings;
import org.smc4j.exchange.okx.rate.OkxRateLimiter;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.AlertSink;
import org.smc4j.live.scan.CrashPoint;
import org.smc4j.live.scan.CycleReport;
import org.smc4j.live.scan.OkxScanMarket;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.live.scan.SignalChartRenderer;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.Sleeper;
import org.smc4j.trading.execution.ExecutionJournal;

/**
 * {@code trade --mode demo|live}: the bot's {@link TradeLoop} (the scan's live candle loop, its one
 * signal pipeline, the signal lines, JSON-lines file and alerts of {@code scan}) with every taken
 * signal traded on OKX by the {@link OkxBroker}, orders and trades in the execution tables of the
 * same journal file. Before the first order the account pre-flight runs (clock, key, trade
 * permission, position mode, margin mode, the journal's environment) and the journal is reconciled
 * with the exchange; a refusal ends the job before any order. {@code --mode live} is refused unless
 * the configuration says {@code trade.mode: live}.
 *
 * <p>Between cycles the bot reconciles on the {@code trade.reconcile} schedule (the {@link
 * ReconciliationLoop}, with the optional dead-man's switch), which also applies a kill switch
 * tripped by {@code trade stop} in another process. The daily loss limit and the most open trades
 * ({@code risk.guards}) are enforced by the executor from the execution journal, not by the
 * pipeline's in-memory guards.
 *
 * <p>The executor's own events (orphan positions, protective stops placed or positions flattened by
 * the reconciliation, kill-switch trips, dead-man's switch failures, a refused start) are printed
 * as {@code ALERT} lines and also sent to the alert sinks as {@link BotAlerts}.
 */
public final class ExchangeTradeJob {

  private static final Logger log = LoggerFactory.getLogger(ExchangeTradeJob.class);

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
   * @param sinks the alert sinks (the same as {@code scan}'s)
   * @param charts the renderer of alert charts; empty for none
   * @param crashPoints the test-only crash hook, {@link CrashPoints#NONE} in production
   */
  public record Request(
      Smc4jConfig config,
      TradeMode mode,
      OkxCredentials credentials,
      Path executionJournal,
      InstantSource clock,
      boolean once,
      List<AlertSink> sinks,
      Optional<SignalChartRenderer> charts,
      CrashPoints crashPoints) {

    /** Validates the request. */
    public Request {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(credentials, "credentials");
      Objects.requireNonNull(executionJournal, "executionJournal");
      Objects.requireNonNull(clock, "clock");
      sinks = List.copyOf(sinks);
      Objects.requireNonNull(charts, "charts");
      Objects.requireNonNull(crashPoints, "crashPoints");
      if (mode == TradeMode.PAPER) {
        throw new IllegalArgumentException("mode must be demo or live, was paper");
      }
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
              + config.trade().mode().name().toLowerCase(Locale.ROOT)
              + "); run --mode demo first and see the README's demo checklist");
    }
    return Optional.empty();
  }

  /**
   * The test-only crash hook: halts the JVM (no shutdown hooks, no flushing, as a kill would) with
   * status {@value CrashPoint#STATUS} at the execution point the system property {@value
   * CrashPoint#PROPERTY} names; does nothing when it is unset.
   *
   * @return the hook
   */
  public static CrashPoints crashPointsFromProperty() {
    return CrashPoint.armed() ? CrashPoint::reached : CrashPoints.NONE;
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
    // the signal alerts and the bot's own alerts share one dispatcher (the loop closes it too)
    try (AlertDispatcher dispatcher =
        AlertDispatcher.asynchronous(request.sinks(), 1000, Duration.ofSeconds(30))) {
      return run(request, dispatcher, stop, out);
    }
  }

  private static Outcome run(
      Request request, AlertDispatcher dispatcher, BooleanSupplier stop, PrintWriter out)
      throws InterruptedException {
    Smc4jConfig config = request.config();
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
        label.toUpperCase(Locale.ROOT)
            + " trading on "
            + config.okx().baseUrl()
            + (demo ? " with header x-simulated-trading: 1" : " (real money)")
            + ", margin "
            + trade.marginMode().wire()
            + ", journal "
            + request.executionJournal()
            + ", signals "
            + PaperTradeJob.signalsFileOf(request.executionJournal())
            + ", alerts "
            + request.sinks().stream().map(AlertSink::name).toList());
    out.flush();
    OkxResult<List<OkxInstrument>> listed = client.instruments("SWAP", "");
    if (!(listed instanceof OkxResult.Ok<List<OkxInstrument>> instruments)) {
      String reason =
          "cannot read the SWAP instruments from "
              + config.okx().baseUrl()
              + ": "
              + listed.failure().orElseThrow().describe();
      BotAlerts refused = new BotAlerts(label, config.scan().symbols(), dispatcher);
      refused.alert("refusing to start: " + reason);
      refused.flush();
      return new Refused(reason);
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
    BotAlerts bot =
        new BotAlerts(
            label, instruments.value().stream().map(OkxInstrument::instId).toList(), dispatcher);
    ExecutionAlerts alerts =
        message -> {
          log.warn("{}: ALERT {}", label, message);
          synchronized (out) {
            out.println(label + ": ALERT " + message);
            out.flush();
          }
          bot.alert(message);
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
        bot.flush();
        return new Refused(e.getMessage());
      } catch (IllegalStateException e) {
        bot.alert("refusing to start: " + e.getMessage());
        bot.flush();
        return new Refused("refusing to start: " + e.getMessage());
      }
      bot.flush();
      out.println(
          label
              + ": pre-flight passed, journal reconciled; open trades "
              + journal.openTrades().size()
              + ", kill switch level "
              + journal.killSwitchLevel());
      out.flush();
      Optional<DeadManSwitch> deadMan =
          trade.deadManSwitch()
              ? Optional.of(
                  new DeadManSwitch(client, journal, alerts, clock, DeadManSettings.DEFAULT))
              : Optional.empty();
      ReconciliationLoop reconciliation =
          new ReconciliationLoop(executor, trade.reconcile(), clock, deadMan);
      return loop(request, executor, reconciliation, dispatcher, bot, label, out, stop);
    }
  }

  private static Outcome loop(
      Request request,
      OkxExecutor executor,
      ReconciliationLoop reconciliation,
      AlertDispatcher dispatcher,
      BotAlerts bot,
      String label,
      PrintWriter out,
      BooleanSupplier stop)
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
    ExchangeTrader trader =
        new ExchangeTrader(
            new OkxBroker(executor, config.trade().entryValidity()),
            executor,
            reconciliation,
            config.backtest().limitExpiry(),
            label,
            out);
    // The executor enforces the daily loss and the open trades from its journal; the pipeline's
    // in-memory guards would never hear of a close on the exchange, so they are off here.
    Smc4jConfig loopConfig = config.withBacktest(config.backtest().withApplyGuards(false));
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
        TradeLoop loop =
            new TradeLoop(
                loopConfig,
                request.executionJournal(),
                label + (request.once() ? " --once" : ""),
                PaperTradeJob.signalsFileOf(request.executionJournal()),
                market,
                clock,
                reconcilingSleeper(clock, trader, bot, stop),
                pool,
                trader,
                dispatcher,
                request.charts(),
                UnaryOperator.identity(),
                out)) {
      long[] cycles = {0};
      int[] failures = {0};
      if (request.once()) {
        long close = loop.latestClose();
        long wait = close + config.scan().closeDelay().toMillis() - clock.millis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        loop.publisher().retryPending();
        CycleReport report = loop.cycle(close);
        loop.publisher().checkpoint();
        int pending = loop.publisher().pendingCount(Duration.ofSeconds(30));
        cycles[0]++;
        failures[0] = report.failures().size() + pending;
        summary(out, label, report, executor);
        bot.flush();
      } else {
        loop.run(
            stop,
            () -> {
              trader.reconcileIfDue();
              bot.flush();
            },
            report -> {
              bot.flush();
              cycles[0]++;
              failures[0] = report.failures().size();
              summary(out, label, report, executor);
            });
      }
      bot.flush();
      return new Finished(
          cycles[0],
          failures[0],
          executor.journal().openTrades().size(),
          executor.journal().killSwitchLevel());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Waits like the system sleeper, running the reconciliation whenever it is due meanwhile and
   * sending the bot's alerts it raised (waking at least every second, so a stop request is seen
   * promptly).
   */
  private static Sleeper reconcilingSleeper(
      InstantSource clock, ExchangeTrader trader, BotAlerts bot, BooleanSupplier stop) {
    return duration -> {
      long end = clock.millis() + duration.toMillis();
      while (!stop.getAsBoolean()) {
        trader.reconcileIfDue();
        bot.flush();
        long now = clock.millis();
        if (now >= end) {
          return;
        }
        Instant next = trader.nextReconciliation();
        long wake = next.isAfter(Instant.ofEpochMilli(now)) ? next.toEpochMilli() : now + 1;
        Thread.sleep(Math.max(1, Math.min(Math.min(end, wake) - now, 1_000)));
      }
    };
  }

  private static void summary(PrintWriter out, String label, CycleReport r, OkxExecutor executor) {
    synchronized (out) {
      out.println(
          r.line()
              + "; "
              + label
              + " open trades "
              + executor.journal().openTrades().size()
              + ", kill switch level "
              + executor.journal().killSwitchLevel());
      out.flush();
    }
  }
}
