package org.smc4j.cli.trade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.smc4j.app.config.Secrets;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.scan.ScanAlerts;
import org.smc4j.app.scan.SetupChartSignalRenderer;
import org.smc4j.app.trade.PaperTradeJob;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.scan.ScanLogging;
import org.smc4j.live.alert.AlertSink;

/**
 * {@code trade} in paper mode on OKX's live closed candles (no {@code --replay}): the alert sinks
 * of {@code scan}, the {@link PaperTradeJob} until Ctrl-C (or one cycle with {@code --once}), and a
 * line saying how it ended.
 */
final class PaperLiveRun {

  private PaperLiveRun() {}

  /**
   * Runs the paper bot on live candles.
   *
   * @param config the configuration, {@code --okx-url} applied
   * @param options {@code --once}, {@code --now}, {@code --env-file}
   * @param journal the bot's journal
   * @param out standard output
   * @return 0, or 1 when a cycle had failures
   * @throws InterruptedException when stopped while waiting or fetching
   */
  static int run(Smc4jConfig config, ExchangeTradeOptions options, Path journal, PrintWriter out)
      throws InterruptedException {
    List<AlertSink> sinks =
        ScanAlerts.sinks(config, Secrets.of(System.getenv(), Optional.of(options.envFile)));
    ScanLogging.configure(config.logging());
    System.setProperty("java.awt.headless", "true");
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    // Ctrl-C or SIGTERM: stop the loop and wait (bounded) until it closed the journal
    Thread hook =
        new Thread(
            () -> {
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
    out.println(
        "trade --mode paper on "
            + config.okx().baseUrl()
            + " (top "
            + config.scan().topN()
            + "): journal "
            + journal
            + ", alerts "
            + sinks.stream().map(AlertSink::name).toList());
    out.flush();
    PaperTradeJob.Result result;
    try {
      result =
          PaperTradeJob.live(
              config,
              journal,
              new PaperTradeJob.LiveSettings(
                  options.clock(),
                  options.once,
                  sinks,
                  config.alerts().chart() && !sinks.isEmpty()
                      ? Optional.of(new SetupChartSignalRenderer())
                      : Optional.empty(),
                  stop::get),
              out);
    } finally {
      finished.countDown();
      if (!stop.get()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is already shutting down; the hook is running or done
        }
      }
    }
    out.println(
        String.format(
            Locale.ROOT,
            "paper: %d cycles, %d trades closed%s; see trade status --journal %s",
            result.cycles(),
            result.trades().size(),
            result.killSwitchSkips() == 0
                ? ""
                : ", " + result.killSwitchSkips() + " signals skipped by the kill switch",
            journal));
    return result.failures() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
