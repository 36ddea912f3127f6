package org.smc4j.cli.detect;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.ConfigPrinter;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.detect.DetectJob;
import org.smc4j.app.detect.DetectRequest;
import org.smc4j.app.detect.DetectResult;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.options.StrategyOptions;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.marketdata.MarketDataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j detect}: runs the strategy engine over 5m candle files and writes its events as CSV,
 * one file per kind and symbol, then prints a summary per symbol; the work and its rules are {@link
 * DetectJob}'s. The strategy parameters come from the configuration's {@code strategy} section
 * ({@link ConfigLoader}), each overridden by its option. Exit 0 when every symbol ran, 1 when one
 * failed, 2 for a usage error (including a bad strategy parameter or config key).
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the strategy engine (15m BOS, Fibonacci leg, FVG POI, 5m entry) over 5m candle CSV files"
          + " and write its events as CSV, one file per kind, into OUT/<symbol>/: swing_5m,"
          + " swing_15m, structure_break, impulse_leg, fvg_5m, fvg_15m, poi (armed, tapped, dead),"
          + " entry_signal.",
      "Each row has origin and known-at bar indices and times (ISO UTC; origin = bar open, known-at"
          + " = bar close), then the kind's prices, states and score parts.",
      "Files are grouped into symbols by file name (BTCUSDT-5m-2025-01.csv -> BTCUSDT); directories"
          + " are walked recursively. 15m candles are derived from the 5m ones (complete buckets"
          + " aligned to 00:00 UTC) unless --context gives them."
    },
    footer = {
      "",
      "Precedence: an option given here > the --config file (or ./smc4j.yaml) > built-in default."
          + " The whole file is checked (the same smc4j.yaml as scan and backtest); detect uses its"
          + " strategy section. The (default: ...) of an option is the built-in value.",
      "",
      "Exit codes: 0 every symbol ran, 1 a symbol failed (the others still run), 2 usage error or"
          + " bad strategy parameter.",
      "Example: smc4j detect ../shared/data/binance-usdm/BTCUSDT/5m --out detect-out --rr 2.5"
    })
public final class DetectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DetectOptions options;

  @Mixin StrategyOptions strategy;

  /** Creates the command (picocli). */
  public DetectCommand() {}

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> file;
    Smc4jConfig settings;
    try {
      file = ConfigLoader.locate(options.configFile);
      settings = ConfigLoader.load(file);
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    StrategyConfig config = strategy.applyTo(settings.strategy());
    if (options.printConfig) {
      stdout.print(ConfigPrinter.toYaml(settings.withStrategy(config), null));
      stdout.flush();
      return ExitCodes.OK;
    }
    DetectRequest request = options.request(config);
    stdout.println(
        "config: "
            + file.map(Path::toString).orElse("built-in defaults (no --config, no smc4j.yaml)"));
    DetectResult result;
    try {
      result = DetectJob.run(request);
    } catch (MarketDataException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    if (result.symbols().isEmpty() && result.failures().isEmpty()) {
      err.println("error: no 5m CSV files found in " + options.inputs);
      return ExitCodes.FAILED;
    }
    DetectPrinter.print(stdout, err, result);
    return result.failed() ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
