package org.smc4j.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.size.SizeJob;
import org.smc4j.app.size.SizeOutcome;
import org.smc4j.app.size.SizeRequest;
import org.smc4j.cli.options.SizingOptions;
import org.smc4j.core.signal.Side;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.spec.ContractSpecs;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.SizingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j size}: how many contracts risk a fixed dollar amount between an entry and a stop, on
 * a real contract spec, printed step by step. Exit 0 when sized, 1 when the sizer refuses the trade
 * or the spec file cannot be read, 2 for a usage error (including an unknown symbol).
 */
@Command(
    name = "size",
    mixinStandardHelpOptions = true,
    description = {
      "Size a trade for a fixed dollar risk, all-in (price move + entry and exit fees + stop"
          + " slippage), on a real contract spec, and print the computation step by step.",
      "Contracts are rounded down to the lot size; the minimum size is taken only if it risks at"
          + " most risk x (1 + tolerance); a size above the venue's maximum order size is refused"
          + " (or capped, risking less, with --cap-at-max-size). Inverse (coin-margined) contracts are refused."
    },
    footer = {
      "",
      "Configuration: --config FILE, else ./smc4j.yaml when present (the same file as scan and"
          + " backtest): its risk section sets the sizing. Precedence: an option given here > the"
          + " file > the built-in default.",
      "",
      "Contract specs: without --specs they are fetched live from OKX (GET"
          + " /api/v5/public/instruments?instType=SWAP at --okx-url); there is no built-in list,"
          + " because specs change and a stale copy would size wrongly. For offline use pass --specs"
          + " with either",
      "  * an OKX instruments response saved from GET /api/v5/public/instruments?instType=SWAP"
          + " (JSON), or",
      "  * a contract spec file (CSV with a header row using OKX field names; # comments):",
      "      instId,ctType,settleCcy,ctVal,ctMult,ctValCcy,tickSz,lotSz,minSz,maxLmtSz,maxMktSz,state",
      "      BTCUSDT,linear,USDT,1,1,BTC,0.1,0.001,0.001,1000,120,live",
      "    ctMult (default 1) and state (default live) may be left out.",
      "",
      "Examples: smc4j size --symbol BTC-USDT-SWAP --entry 65000 --stop 64800",
      "          smc4j size --specs instruments-SWAP.json --symbol BTC-USDT-SWAP --entry 65000"
          + " --stop 64800 --risk 2 --leverage 5"
    })
public final class SizeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--symbol",
      required = true,
      paramLabel = "ID",
      description = "Instrument id, e.g. BTC-USDT-SWAP or BTCUSDT (BTCUSDT matches BTC-USDT-SWAP).")
  String symbol;

  @Option(names = "--entry", required = true, paramLabel = "PRICE", description = "Entry price.")
  double entry;

  @Option(names = "--stop", required = true, paramLabel = "PRICE", description = "Stop price.")
  double stop;

  @Option(
      names = "--side",
      paramLabel = "SIDE",
      description =
          "LONG or SHORT. Default: long when the stop is below the entry, short when above.")
  Side side;

  @Option(
      names = "--specs",
      paramLabel = "FILE",
      description =
          "OKX instruments JSON or contract spec CSV (default: fetch the live specs from OKX;"
              + " see below).")
  Path specs;

  @Option(
      names = "--okx-url",
      paramLabel = "URL",
      defaultValue = "https://www.okx.com",
      description =
          "OKX REST base URL for the live specs when --specs is not given (default:"
              + " ${DEFAULT-VALUE}).")
  URI okxUrl;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration; its risk section sets the sizing (default: smc4j.yaml when"
              + " present, else built-in defaults).")
  Path configFile;

  @Mixin SizingOptions sizing;

  /** Creates the command (picocli). */
  public SizeCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SizeOutcome outcome;
    try {
      SizingParameters parameters =
          sizing.applyTo(ConfigLoader.load(ConfigLoader.locate(configFile)).risk().sizing());
      ContractSpecs catalogue = SizeJob.specs(Optional.ofNullable(specs), okxUrl);
      outcome =
          SizeJob.run(
              new SizeRequest(symbol, entry, stop, Optional.ofNullable(side), parameters),
              catalogue);
    } catch (ConfigException | IllegalArgumentException e) {
      // a wrong option value, config key or unknown symbol: exit 2 without the usage text
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    } catch (MarketDataException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    SizePrinter.print(out, outcome, entry, stop);
    return outcome.result() instanceof SizingResult.Sized ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
