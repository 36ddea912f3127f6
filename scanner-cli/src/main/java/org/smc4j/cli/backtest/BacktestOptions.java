package org.smc4j.cli.backtest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smc4j.app.backtest.BacktestRequest;
import org.smc4j.app.config.Smc4jConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of {@code backtest} other than the strategy parameters: the candle, funding and spec
 * files, the period, the configuration file and its guard override, the output folder and how the
 * run is read and shown (a picocli mixin).
 */
public final class BacktestOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

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
              + " (default: the OKX specs shipped with smc4j, else inferred from the candles; the output says which).")
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

  /** Creates the options (picocli). */
  public BacktestOptions() {}

  /**
   * Returns the configuration with {@code --[no-]guards} applied over {@code
   * backtest.apply-guards}.
   *
   * @param config the configuration (file and strategy options applied)
   * @return the effective configuration
   */
  Smc4jConfig applyTo(Smc4jConfig config) {
    if (guards == null) {
      return config;
    }
    return config.withBacktest(config.backtest().withApplyGuards(guards));
  }

  /**
   * Returns the request for {@link org.smc4j.app.backtest.BacktestJob}.
   *
   * @param config the effective configuration
   * @param configFile the configuration file read; empty for the built-in defaults
   * @param description the run's description in the journal
   * @return the request
   * @throws ParameterException when {@code --data} or {@code --out} is missing
   */
  BacktestRequest request(Smc4jConfig config, Optional<Path> configFile, String description) {
    if (data == null || data.isEmpty()) {
      throw new ParameterException(
          command.commandLine(), "Missing required option: '--data=FILE|DIR'");
    }
    if (out == null) {
      throw new ParameterException(command.commandLine(), "Missing required option: '--out=DIR'");
    }
    return new BacktestRequest(
        data,
        symbols == null
            ? List.of()
            : symbols.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList(),
        Optional.ofNullable(from),
        Optional.ofNullable(to),
        config,
        configFile,
        oneMinute == null ? List.of() : oneMinute,
        funding == null ? List.of() : funding,
        Optional.ofNullable(specs),
        out,
        threads != null ? threads : Runtime.getRuntime().availableProcessors(),
        lenient,
        description);
  }
}
