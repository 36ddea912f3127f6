package org.smc4j.cli.scan;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigPrinter;
import org.smc4j.app.config.DataFolder;
import org.smc4j.app.config.Secrets;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.scan.ScanAlerts;
import org.smc4j.app.scan.ScanJob;
import org.smc4j.app.scan.ScanOutcome;
import org.smc4j.app.scan.ScanReplayJob;
import org.smc4j.app.scan.ScanRequest;
import org.smc4j.app.scan.SetupChartSignalRenderer;
import org.smc4j.cli.ExitCodes;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.trading.journal.JournalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j scan}: the live OKX scanner ({@link ScanJob}), one cycle with {@code --once}, or the
 * same loop over recorded candles with {@code --replay} ({@link ScanReplayJob}).
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
          + " environment or the --env-file. The journal, signals file and logs go to the data"
          + " folder (--data-dir), printed at the start.",
      "Exit codes: 0 ok, 1 a symbol failed or a delivery is pending (--once), 2 usage,"
          + " 3 OKX unreachable (--once)."
    })
public final class ScanCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ScanCommand.class);

  @Spec CommandSpec spec;

  @Mixin ScanOptions options;

  @Option(names = "--once", description = "Run one cycle (for the latest 5m close) and exit")
  boolean once;

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
              + " BTCUSDT (default: the OKX specs shipped with smc4j; a symbol neither has: inferred"
              + " from the prices)")
  Path specsFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Smc4jConfig config = options.config();
      Secrets secrets = Secrets.of(System.getenv(), Optional.of(options.envFile));
      if (options.printConfig) {
        out.print(ConfigPrinter.toYaml(config, secrets));
        return ExitCodes.OK;
      }
      DataFolder folder = DataFolder.current(config.output());
      config = folder.apply(config);
      ScanRequest request =
          new ScanRequest(
              config,
              once,
              options.clock(),
              replay == null ? ScanAlerts.sinks(config, secrets) : List.of(),
              config.alerts().chart() && replay == null
                  ? Optional.of(new SetupChartSignalRenderer())
                  : Optional.empty());
      folder.create(config);
      out.println(folder.describe(config));
      ScanLogging.configure(config.logging());
      System.setProperty("java.awt.headless", "true");
      return replay != null ? replay(config, out, err) : live(request, err);
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (MarketDataException
        | JournalException
        | IllegalStateException
        | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      log.error("scan failed: {}", e.getMessage());
      return ExitCodes.FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int live(ScanRequest request, PrintWriter err) {
    ScanOutcome outcome = ScanJob.DEFAULT.run(request, spec.commandLine().getOut());
    return switch (outcome.status()) {
      case OK -> ExitCodes.OK;
      case PROBLEMS -> ExitCodes.FAILED;
      case UNREACHABLE -> {
        err.println("error: " + outcome.message());
        yield ExitCodes.UNREACHABLE;
      }
    };
  }

  private int replay(Smc4jConfig config, PrintWriter out, PrintWriter err) {
    ScanReplayJob.Inputs inputs = ScanReplayJob.read(replay, Optional.ofNullable(specsFile));
    inputs.warnings().forEach(err::println);
    ScanReplayJob.Result result = ScanReplayJob.run(config, inputs.bars(), inputs.contracts(), out);
    out.printf(
        Locale.ROOT,
        "replay: %d cycles over %d symbols, %d signals; journal %s, signals %s%n",
        result.cycles(),
        inputs.bars().size(),
        result.signals().size(),
        config.output().journal(),
        config.output().signals());
    return ExitCodes.OK;
  }
}
