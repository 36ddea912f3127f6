package org.smc4j.cli.scan;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.ConfigPrinter;
import org.smc4j.app.config.DiscordConfig;
import org.smc4j.app.config.OutputConfig;
import org.smc4j.app.config.Secrets;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.config.TelegramConfig;
import org.smc4j.app.scan.ScanPipeline;
import org.smc4j.app.scan.ScanReplayJob;
import org.smc4j.cli.ExitCodes;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.live.alert.AlertDispatcher;
import org.smc4j.live.alert.AlertSink;
import org.smc4j.live.alert.DiscordAlertSink;
import org.smc4j.live.alert.TelegramAlertSink;
import org.smc4j.live.scan.CycleReport;
import org.smc4j.live.scan.LoopConfig;
import org.smc4j.live.scan.OkxScanMarket;
import org.smc4j.live.scan.PublishedSignals;
import org.smc4j.live.scan.ScanLoop;
import org.smc4j.live.scan.ScanMarket;
import org.smc4j.live.scan.SignalPublisher;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.OkxRateLimiter;
import org.smc4j.marketdata.okx.Sleeper;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.JournalException;
import org.smc4j.trading.journal.SqliteJournal;
import org.smc4j.trading.plan.PlanSizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j scan}: the live OKX scanner (see {@link ScanLoop}), one cycle with {@code --once},
 * or the same loop over recorded candles with {@code --replay} (simulated clock, no network).
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan the top-N OKX USDT swaps at every 5m close for BOS + FVG/Fibonacci POI + 5m entry"
          + " signals; print, journal and alert each new one.",
      "With --replay, run the same loop over candle files on a simulated clock (no network)."
    },
    footer = {
      "",
      "Configuration: --config FILE, else ./smc4j.yaml when present, else built-in defaults; the"
          + " same file as backtest and detect (every key is in smc4j.example.yaml). Precedence:"
          + " an option given here > the file > the built-in default. Secrets only from the"
          + " environment or the --env-file."
    })
public final class ScanCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ScanCommand.class);

  /** Alerts each sink may have queued; far above any cycle's signal count. */
  private static final int ALERT_QUEUE = 1000;

  /** How long a cycle waits for its alerts before counting the deliveries still pending. */
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration (default: smc4j.yaml when present, else built-in defaults)")
  Path configFile;

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      defaultValue = ".env",
      description =
          "Where secrets are read when not in the environment (default: ${DEFAULT-VALUE})")
  Path envFile;

  @Option(names = "--print-config", description = "Print the effective configuration and exit")
  boolean printConfig;

  @Option(names = "--once", description = "Run one cycle (for the latest 5m close) and exit")
  boolean once;

  @Option(names = "--okx-url", paramLabel = "URL", description = "Override okx.base-url")
  URI okxUrl;

  @Option(names = "--top", paramLabel = "N", description = "Override scan.top-n")
  Integer top;

  @Option(names = "--journal", paramLabel = "FILE", description = "Override output.journal")
  Path journalFile;

  @Option(names = "--signals", paramLabel = "FILE", description = "Override output.signals")
  Path signalsFile;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      description =
          "Run as if the wall clock showed INSTANT when the command starts (the clock then runs"
              + " on), e.g. to re-run a past cycle against a recorded OKX server")
  String now;

  @Option(
      names = "--replay",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Replay 5m candle files or folders instead of scanning OKX")
  List<Path> replay;

  @Option(
      names = "--specs",
      paramLabel = "FILE",
      description =
          "Contract specs for --replay: OKX instruments JSON or spec CSV; BTC-USDT-SWAP matches"
              + " BTCUSDT (default, and for a symbol the file lacks: inferred from the prices)")
  Path specsFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Smc4jConfig config;
    Secrets secrets;
    List<AlertSink> sinks;
    try {
      config = overrides(loadConfig());
      secrets = Secrets.of(System.getenv(), Optional.of(envFile));
      if (printConfig) {
        out.print(ConfigPrinter.toYaml(config, secrets));
        out.flush();
        return ExitCodes.OK;
      }
      sinks = replay == null ? sinks(config, secrets) : List.of();
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    ScanLogging.configure(config.logging());
    System.setProperty("java.awt.headless", "true");
    try {
      return replay != null ? replay(config, out, err) : live(config, sinks, out, err);
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (MarketDataException | JournalException | IllegalStateException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      log.error("scan failed: {}", e.getMessage());
      return ExitCodes.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private Smc4jConfig loadConfig() {
    return ConfigLoader.load(ConfigLoader.locate(configFile));
  }

  private Smc4jConfig overrides(Smc4jConfig config) {
    Smc4jConfig c = config;
    if (okxUrl != null) {
      String scheme = okxUrl.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || okxUrl.getHost() == null) {
        throw new ConfigException("--okx-url", "must be an http(s) URL, was '" + okxUrl + "'");
      }
      c = c.withOkx(c.okx().withBaseUrl(okxUrl));
    }
    if (top != null) {
      if (top < 1 || top > 500) {
        throw new ConfigException("--top", "must be in [1, 500], was " + top);
      }
      c = c.withScan(c.scan().withTopN(top));
    }
    if (journalFile != null || signalsFile != null) {
      OutputConfig o = c.output();
      c =
          c.withOutput(
              new OutputConfig(
                  journalFile == null ? o.journal() : journalFile,
                  signalsFile == null ? o.signals() : signalsFile));
    }
    return c;
  }

  private static List<AlertSink> sinks(Smc4jConfig config, Secrets secrets) {
    List<AlertSink> sinks = new ArrayList<>();
    TelegramConfig telegram = config.alerts().telegram();
    if (telegram.enabled()) {
      String token =
          secrets
              .get(telegram.tokenEnv())
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "alerts.telegram.token-env",
                          "telegram is enabled but "
                              + telegram.tokenEnv()
                              + " is not set in the environment or the .env file"));
      try {
        sinks.add(
            TelegramAlertSink.builder(token, telegram.chatId()).baseUri(telegram.apiUrl()).build());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("alerts.telegram", e.getMessage(), e);
      }
    }
    DiscordConfig discord = config.alerts().discord();
    if (discord.enabled()) {
      String url =
          secrets
              .get(discord.webhookUrlEnv())
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "alerts.discord.webhook-url-env",
                          "discord is enabled but "
                              + discord.webhookUrlEnv()
                              + " is not set in the environment or the .env file"));
      try {
        sinks.add(DiscordAlertSink.builder(url).build());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("alerts.discord", e.getMessage(), e);
      }
    }
    return sinks;
  }

  private InstantSource clock() {
    if (now == null) {
      return Clock.systemUTC();
    }
    Instant at;
    try {
      at = Instant.parse(now);
    } catch (DateTimeParseException e) {
      throw new ConfigException("--now", "must be an instant like 2025-05-01T12:05:00Z", e);
    }
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
  }

  private int live(Smc4jConfig config, List<AlertSink> sinks, PrintWriter out, PrintWriter err) {
    InstantSource clock = clock();
    Set<String> earlier = PublishedSignals.keys(config.output().journal());
    Map<String, Long> resume = PublishedSignals.lastProcessedCloses(config.output().journal());
    LoopConfig loopConfig = config.scan();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            loopConfig.fetchThreads(),
            r -> {
              Thread t = new Thread(r, "scan-fetch");
              t.setDaemon(true);
              return t;
            });
    AtomicBoolean stop = new AtomicBoolean();
    Thread main = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    // Ctrl-C (SIGINT) or SIGTERM: stop the loop, let it close the journal, signals file and alert
    // sinks, and only then let the JVM go. Waiting on a latch, not on the main thread, because the
    // main thread ends in System.exit, which blocks while hooks run.
    Thread hook =
        new Thread(
            () -> {
              if (finished.getCount() == 0) {
                return;
              }
              log.info("stop requested; finishing the current step and closing the journal");
              stop.set(true);
              main.interrupt();
              try {
                if (!finished.await(40, TimeUnit.SECONDS)) {
                  log.error("scan did not stop within 40 s");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "scan-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int failures = 0;
    try (OkxMarketData okx =
            OkxMarketData.create(
                config.okx().toSettings(clock, Sleeper.SYSTEM, OkxRateLimiter.shared(), seed()));
        ScanMarket market = new OkxScanMarket(okx, loopConfig.symbols());
        Journal journal =
            SqliteJournal.open(
                config.output().journal(), PublishedSignals.LIVE_RUN + " " + mode());
        SignalPublisher publisher =
            new SignalPublisher(
                out,
                config.output().signals(),
                journal,
                earlier,
                AlertDispatcher.asynchronous(sinks, ALERT_QUEUE, Duration.ofSeconds(30)),
                config.alerts().chart()
                    ? Optional.of(new SetupChartSignalRenderer())
                    : Optional.empty(),
                clock)) {
      ScanLoop loop =
          new ScanLoop(
              loopConfig,
              config.strategy(),
              new PlanSizer(config.risk().sizing()),
              ScanPipeline.pipeline(config, clock, publisher.decisionJournal()),
              ScanPipeline.paperBrokers(config),
              market,
              clock,
              Sleeper.SYSTEM,
              pool,
              publisher);
      loop.resumeAfter(resume);
      log.info(
          "scan starting: top {} from {}, journal {}, signals {}, alerts {}",
          loopConfig.topN(),
          config.okx().baseUrl(),
          config.output().journal(),
          config.output().signals(),
          sinks.stream().map(AlertSink::name).toList());
      if (once) {
        long close = loop.latestClose();
        long wait = close + loopConfig.closeDelay().toMillis() - clock.millis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        publisher.retryPending();
        CycleReport report = loop.cycle(close);
        publisher.checkpoint();
        int pending = publisher.pendingCount(DELIVERY_WAIT);
        failures = report.failures().size() + pending;
        summary(out, report, pending);
      } else {
        publisher.retryPending();
        loop.run(
            stop::get,
            report -> {
              publisher.checkpoint();
              publisher.retryPending();
              summary(out, report, publisher.pendingCount(DELIVERY_WAIT));
              progress(out, report, loopConfig, clock);
            });
      }
    } catch (InterruptedException e) {
      log.info("scan stopped");
      err.println("scan stopped");
    } finally {
      pool.shutdownNow();
      finished.countDown();
      if (!stop.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down; the hook is running or done.
        }
      }
    }
    return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private String mode() {
    return once ? "--once" : "loop";
  }

  private static long seed() {
    return System.nanoTime();
  }

  /** Says when the loop wakes up next, so that a waiting scanner is visibly alive. */
  private static void progress(
      PrintWriter out, CycleReport r, LoopConfig loopConfig, InstantSource clock) {
    long m5 = Timeframe.M5.millis();
    long nextClose =
        Math.max(r.closeTime().toEpochMilli() + m5, Math.floorDiv(clock.millis(), m5) * m5);
    out.println(
        "waiting: next cycle at "
            + Instant.ofEpochMilli(nextClose + loopConfig.closeDelay().toMillis())
            + " (Ctrl-C stops)");
    out.flush();
  }

  private static void summary(PrintWriter out, CycleReport r, int pendingDeliveries) {
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
            + (pendingDeliveries == 0 ? "" : ", pending deliveries: " + pendingDeliveries));
    out.flush();
  }

  private int replay(Smc4jConfig config, PrintWriter out, PrintWriter err) {
    ScanReplayJob.Inputs inputs = ScanReplayJob.read(replay, Optional.ofNullable(specsFile));
    inputs.warnings().forEach(err::println);
    ScanReplayJob.Result result = ScanReplayJob.run(config, inputs.bars(), inputs.contracts(), out);
    out.println(
        "replay: "
            + result.cycles()
            + " cycles over "
            + inputs.bars().size()
            + " symbols, "
            + result.signals().size()
            + " signals; journal "
            + config.output().journal()
            + ", signals "
            + config.output().signals());
    return ExitCodes.OK;
  }
}
