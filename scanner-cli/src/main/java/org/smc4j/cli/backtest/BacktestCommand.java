package org.smc4j.cli.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smc4j.app.backtest.BacktestJob;
import org.smc4j.app.backtest.BacktestRequest;
import org.smc4j.app.backtest.BacktestRun;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.ConfigPrinter;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.report.ReportProgress;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.options.StrategyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j backtest}: replays 5m candle CSV files of several symbols through the live strategy
 * engine and the simulated broker (STRATEGY.md section 9), symbols in parallel, and writes into
 * {@code --out}: the SQLite journal ({@code journal.sqlite}, one run per invocation), its CSV
 * exports ({@code signals.csv}, {@code trades.csv}, {@code cancellations.csv}) and {@code
 * journal.xlsx}, and the self-contained {@code report.html}. Prints a summary table per symbol and
 * in total, and the skipped signals by reason. Exit 0 when done, 1 when a symbol failed or a file
 * could not be read or written, 2 for a usage error (bad option, unknown config key, bad config
 * value, no data).
 *
 * <p>Parameters come from the smc4j YAML configuration ({@code --config}, else {@code
 * ./smc4j.yaml}, else the defaults; see {@link ConfigLoader}): its {@code strategy}, {@code risk}
 * and {@code backtest} sections, each strategy option and {@code --[no-]guards} overriding the
 * file. With {@code backtest.apply-guards} (the default) the trades pass the portfolio guards of
 * {@code risk.guards}; a refused signal is journaled as skipped with the guards' reasons.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Backtest the strategy on 5m candle CSV files (Binance USDT-M klines, the Bybit"
          + " timestamp/OHLCV files, smc4j canonical): the live scanner's signal pipeline, fills"
          + " at next open / limit through / stop with gaps, slippage, maker/taker fees, funding"
          + " at 00/08/16 UTC, $1 risk sizing.",
      "Symbols are inferred from file or folder names (BTCUSDT-5m-2025-01.csv, BTCUSDT/...);"
          + " files of one symbol form one series. Files whose name gives another timeframe"
          + " (1m, 15m) are skipped.",
      "Writes journal.sqlite, signals.csv, trades.csv, cancellations.csv, journal.xlsx and"
          + " report.html into --out."
    })
public final class BacktestCommand implements Callable<Integer> {

  CommandSpec spec;

  /** Receives the command spec from picocli and sets the help footer. */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    value.usageMessage().footer(BacktestHelp.footer());
  }

  @Mixin BacktestOptions options;

  @Mixin StrategyOptions strategy;

  /** Creates the command (picocli). */
  public BacktestCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> configFile;
    Smc4jConfig cfg;
    try {
      configFile = ConfigLoader.locate(options.config);
      cfg = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    cfg = options.applyTo(cfg.withStrategy(strategy.applyTo(cfg.strategy())));
    if (options.printConfig) {
      stdout.print(ConfigPrinter.toYaml(cfg, null));
      stdout.flush();
      return ExitCodes.OK;
    }
    BacktestRequest request = options.request(cfg, configFile, description());
    boolean quiet = options.noProgress;
    ProgressPrinter progress = new ProgressPrinter(err, System.console() != null, System::nanoTime);
    BacktestRun run =
        BacktestJob.run(
            request,
            line -> {
              stdout.println(line);
              stdout.flush();
            },
            quiet ? ProgressListener.NONE : progress,
            quiet
                ? ReportProgress.NONE
                : (done, all, step) -> {
                  err.printf(Locale.ROOT, "report %d/%d: %s%n", done, all, step);
                  err.flush();
                });
    if (!quiet) {
      progress.finish(2 * run.result().bars());
    }
    BacktestSummary.print(stdout, err, run);
    return run.result().failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private String description() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    // the top-level parse result's arguments start with the command name, "backtest"
    return "smc4j " + String.join(" ", args);
  }
}
