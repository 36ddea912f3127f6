package org.smc4j.cli.trade;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.Secrets;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.config.TradeMode;
import org.smc4j.app.scan.ScanAlerts;
import org.smc4j.app.scan.SetupChartSignalRenderer;
import org.smc4j.app.trade.ExchangeTradeJob;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.scan.ScanLogging;
import org.smc4j.exchange.okx.auth.OkxCredentials;
import org.smc4j.live.alert.AlertSink;
import picocli.CommandLine.Option;

/**
 * The options and the run of {@code trade --mode demo|live}: reads the OKX key from the environment
 * or {@code .env} (never from the configuration, never printed), then runs the {@link
 * ExchangeTradeJob} until Ctrl-C (or one cycle with {@code --once}) and prints how it ended.
 */
public final class ExchangeTradeOptions {

  @Option(
      names = "--okx-url",
      paramLabel = "URL",
      description = "Override okx.base-url (the REST host of candles, and of orders in demo/live)")
  URI okxUrl;

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      defaultValue = ".env",
      description =
          "Where alert secrets and, for demo/live, "
              + OkxCredentials.ENV_API_KEY
              + ", "
              + OkxCredentials.ENV_SECRET_KEY
              + " and "
              + OkxCredentials.ENV_PASSPHRASE
              + " are read when not in the environment (default: ${DEFAULT-VALUE})")
  Path envFile;

  @Option(names = "--once", description = "Run one cycle (the latest 5m close), then exit")
  boolean once;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      description =
          "Run as if the wall clock showed INSTANT at start (the clock then runs on),"
              + " e.g. against a recorded or fake OKX server")
  String now;

  /**
   * Runs the bot on OKX.
   *
   * @param loaded the configuration file's content
   * @param mode demo or live
   * @param journal the execution journal
   * @param out standard output
   * @param err standard error
   * @return the exit status: 0 ran, 1 refused or failed, 2 bad configuration or missing key
   */
  int run(Smc4jConfig loaded, TradeMode mode, Path journal, PrintWriter out, PrintWriter err) {
    Smc4jConfig config = withOkxUrl(loaded);
    Optional<String> gated = ExchangeTradeJob.gate(config, mode);
    if (gated.isPresent()) {
      err.println("error: " + gated.get());
      return ExitCodes.FAILED;
    }
    OkxCredentials credentials;
    Secrets secrets = Secrets.of(System.getenv(), Optional.of(envFile));
    Map<String, String> variables = new HashMap<>();
    for (String name :
        new String[] {
          OkxCredentials.ENV_API_KEY, OkxCredentials.ENV_SECRET_KEY, OkxCredentials.ENV_PASSPHRASE
        }) {
      secrets.get(name).ifPresent(value -> variables.put(name, value));
    }
    try {
      credentials = OkxCredentials.fromVariables(variables);
    } catch (IllegalArgumentException e) {
      err.println(
          "error: "
              + e.getMessage()
              + " (set them in the environment or in "
              + envFile
              + "; --mode "
              + mode.name().toLowerCase(Locale.ROOT)
              + " needs an OKX "
              + (mode == TradeMode.DEMO ? "demo-trading " : "")
              + "API key)");
      return ExitCodes.USAGE;
    }
    List<AlertSink> sinks = ScanAlerts.sinks(config, secrets);
    ScanLogging.configure(config.logging());
    System.setProperty("java.awt.headless", "true");
    ExchangeTradeJob.Request request =
        new ExchangeTradeJob.Request(
            config,
            mode,
            credentials,
            journal,
            clock(),
            once,
            sinks,
            config.alerts().chart() && !sinks.isEmpty()
                ? Optional.of(new SetupChartSignalRenderer())
                : Optional.empty(),
            ExchangeTradeJob.crashPointsFromProperty());
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    // Ctrl-C or SIGTERM: stop the loop between steps and let the journals close before the JVM
    // goes (the hook waits on a latch: the main thread ends in System.exit, which waits for hooks).
    Thread hook =
        new Thread(
            () -> {
              if (finished.getCount() == 0) {
                return;
              }
              stop.set(true);
              main.interrupt();
              try {
                finished.await(40, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "trade-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ExchangeTradeJob.Outcome outcome = ExchangeTradeJob.run(request, stop::get, out);
      return switch (outcome) {
        case ExchangeTradeJob.Refused refused -> {
          err.println("error: " + refused.reason());
          yield ExitCodes.FAILED;
        }
        case ExchangeTradeJob.Finished done -> {
          out.println(
              "trade --mode "
                  + mode.name().toLowerCase(Locale.ROOT)
                  + ": "
                  + done.cycles()
                  + " cycles, "
                  + done.openTrades()
                  + " open trades, kill switch level "
                  + done.killSwitchLevel()
                  + "; see trade status --journal "
                  + journal);
          yield done.failures() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
      };
    } catch (InterruptedException e) {
      err.println("trade stopped");
      return ExitCodes.OK;
    } finally {
      finished.countDown();
      if (!stop.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is already shutting down
        }
      }
    }
  }

  /**
   * Returns the configuration with {@code --okx-url} applied.
   *
   * @param config the loaded configuration
   * @return it, with another {@code okx.base-url} when the option is given
   * @throws ConfigException when the URL is not http(s)
   */
  Smc4jConfig withOkxUrl(Smc4jConfig config) {
    if (okxUrl == null) {
      return config;
    }
    String scheme = okxUrl.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || okxUrl.getHost() == null) {
      throw new ConfigException("--okx-url", "must be an http(s) URL, was '" + okxUrl + "'");
    }
    return config.withOkx(config.okx().withBaseUrl(okxUrl));
  }

  InstantSource clock() {
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
}
