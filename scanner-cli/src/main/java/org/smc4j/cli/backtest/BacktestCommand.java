package org.smc4j.cli.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
import org.smc4j.app.config.RiskConfig;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolFailure;
import org.smc4j.backtest.report.ReportProgress;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.options.StrategyOptions;
import org.smc4j.risk.guard.GuardLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  /** Receives the command spec from picocli and adds the config keys to the help footer. */
  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
    GuardLimits g = GuardLimits.DEFAULT;
    List<String> footer = new ArrayList<>();
    footer.add("");
    footer.add("Configuration: --config FILE, else ./smc4j.yaml when present, else the");
    footer.add("built-in defaults; the same YAML file as scan and detect (every key is in");
    footer.add("smc4j.example.yaml). backtest uses its strategy, risk (sizing, fees, guards)");
    footer.add("and backtest (fill, slippage, funding, limit expiry, apply-guards) sections;");
    footer.add("the whole file is checked: an unknown key or a bad value is an error naming");
    footer.add("the file and the key path. The (default: ...) of a strategy option is the");
    footer.add("built-in value.");
    footer.add("Precedence: an option given here > the config file > the built-in default.");
    footer.add("");
    footer.add("Portfolio guards (risk.guards) are on by default, as for a $1-risk account:");
    footer.add(
        String.format(
            Locale.ROOT,
            "  max $%s daily loss, %d losing trades a day, %d open trades, $%s open risk,",
            g.maxDailyLossUsd().toPlainString(),
            g.maxDailyLosingTrades(),
            g.maxConcurrentTrades(),
            g.maxOpenRiskUsd().toPlainString()));
    footer.add(
        String.format(
            Locale.ROOT,
            "  days from %02d:00 UTC, margin within $%s equity. A refused signal is",
            g.dayStartHourUtc(),
            RiskConfig.DEFAULT.accountEquityUsd().toPlainString()));
    footer.add("  journaled as skipped with the guard's reason. --no-guards (or");
    footer.add("  backtest.apply-guards: false) trades every signal the sizer accepts.");
    footer.add("");
    footer.add("Exit codes: 0 done, 1 a symbol failed or a file could not be read or written,");
    footer.add("2 usage error.");
    footer.add("Example:");
    footer.add("  smc4j backtest --data ../shared/data/binance-usdm --symbols BTCUSDT,SOLUSDT");
    footer.add("    --from 2025-01-01 --to 2025-07-01");
    footer.add("    --funding ../shared/data/binance-usdm-funding --out runs/h1");
    value.usageMessage().footer(footer.toArray(String[]::new));
  }

  @Option(
      names = "--data",
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "5m candle CSV files, or directories walked for *.csv (required).")
  List<Path> data;

  @Option(
      names = "--symbols",
      split = ",",
      paramLabel = "SYMBOL",
      description = "Only these symbols, e.g. BTCUSDT,SOLUSDT (default: all in --data).")
  List<String> symbols;

  @Option(
      names = "--from",
      converter = InstantConverter.class,
      paramLabel = "TIME",
      description =
          "First candle open time, 2025-01-01 (UTC midnight) or 2025-01-01T08:00:00Z; the"
              + " strategy warms up from there.")
  Instant from;

  @Option(
      names = "--to",
      converter = InstantConverter.class,
      paramLabel = "TIME",
      description = "End (exclusive) of candle open times, same formats as --from.")
  Instant to;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration (default: smc4j.yaml when present, else built-in defaults; see"
              + " below).")
  Path config;

  @Option(
      names = "--print-config",
      description = "Print the effective configuration (file + options) and exit.")
  boolean printConfig;

  @Option(
      names = "--guards",
      negatable = true,
      description =
          "Apply the portfolio guards of risk.guards (default: backtest.apply-guards, built in"
              + " true).")
  Boolean guards;

  @Option(
      names = "--one-minute",
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description =
          "1m candle files to resolve stop and target in one 5m candle (else: stop first,"
              + " trade flagged ambiguous).")
  List<Path> oneMinute;

  @Option(
      names = "--funding",
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description =
          "Funding-rate history files (timestamp,rate), symbol from the file or folder name;"
              + " settlements they do not cover use backtest.funding-rate.")
  List<Path> funding;

  @Option(
      names = "--specs",
      paramLabel = "FILE",
      description =
          "Contract specs: OKX instruments JSON or spec CSV; BTC-USDT-SWAP matches BTCUSDT"
              + " (default: specs inferred from the candles, see the output).")
  Path specs;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (created; files of the same name are replaced; required).")
  Path out;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Symbols replayed at once (default: all cores).")
  Integer threads;

  @Option(
      names = "--lenient",
      description =
          "Drop invalid rows and accept gaps, reporting them (default: stop at the first).")
  boolean lenient;

  @Option(names = "--no-progress", description = "Print no progress.")
  boolean noProgress;

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
      configFile = ConfigLoader.locate(config);
      cfg = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    cfg = cfg.withStrategy(strategy.applyTo(cfg.strategy()));
    if (guards != null) {
      cfg = cfg.withBacktest(cfg.backtest().withApplyGuards(guards));
    }
    if (printConfig) {
      stdout.print(ConfigPrinter.toYaml(cfg, null));
      stdout.flush();
      return ExitCodes.OK;
    }
    if (data == null || data.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Missing required option: '--data=FILE|DIR'");
    }
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
    }
    BacktestRequest request =
        new BacktestRequest(
            data,
            symbols == null ? List.of() : symbols.stream().map(BacktestCommand::upper).toList(),
            Optional.ofNullable(from),
            Optional.ofNullable(to),
            cfg,
            configFile,
            oneMinute == null ? List.of() : oneMinute,
            funding == null ? List.of() : funding,
            Optional.ofNullable(specs),
            out,
            threads != null ? threads : Runtime.getRuntime().availableProcessors(),
            lenient,
            description());
    ProgressPrinter progress = new ProgressPrinter(err, System.console() != null, System::nanoTime);
    BacktestRun run =
        BacktestJob.run(
            request,
            line -> {
              stdout.println(line);
              stdout.flush();
            },
            noProgress ? ProgressListener.NONE : progress,
            noProgress
                ? ReportProgress.NONE
                : (done, all, step) -> {
                  err.printf(Locale.ROOT, "report %d/%d: %s%n", done, all, step);
                  err.flush();
                });
    BacktestResult result = run.result();
    if (!noProgress) {
      progress.finish(2 * result.bars());
    }
    if (run.fundingFallbacks() > 0) {
      stdout.printf(
          Locale.ROOT,
          "funding: %d settlement(s) outside the history charged at the constant rate%n",
          run.fundingFallbacks());
    }
    BacktestSummary.print(stdout, result);
    stdout.println("written (run " + run.runId() + "):");
    for (Path p : run.written()) {
      stdout.println("  " + p);
    }
    for (SymbolFailure f : result.failures()) {
      err.println("error: " + f.symbol() + ": " + f.message());
    }
    return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private String description() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    // the top-level parse result's arguments start with the command name, "backtest"
    return "smc4j " + String.join(" ", args);
  }

  private static String upper(String symbol) {
    return symbol.strip().toUpperCase(Locale.ROOT);
  }
}
