package org.smc4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smc4j.app.config.ConfigException;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.size.SizeJob;
import org.smc4j.app.size.SizeOutcome;
import org.smc4j.app.size.SizeRequest;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.spec.ContractSpecs;
import org.smc4j.risk.FeeSchedule;
import org.smc4j.risk.MaxSizePolicy;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.SizingResult;
import org.smc4j.risk.StopSlippage;
import picocli.CommandLine.Command;
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
      names = "--risk",
      paramLabel = "USD",
      description = "Dollar risk, all-in (default: risk.risk-usd, built in 1).")
  BigDecimal risk;

  @Option(
      names = "--tolerance",
      paramLabel = "FRACTION",
      description =
          "How far above the risk the minimum size alone may go (default: risk.tolerance, built"
              + " in 0.1).")
  BigDecimal tolerance;

  @Option(
      names = "--leverage",
      paramLabel = "X",
      description =
          "Isolated-margin leverage for the initial margin (default: risk.leverage, built in 10).")
  BigDecimal leverage;

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
      names = "--maker",
      description =
          "The entry rests as a limit order: maker fee and the maximum limit-order size (default:"
              + " market entry, taker fee, maximum market size). The stop always pays taker.")
  boolean maker;

  @Option(
      names = "--cap-at-max-size",
      description =
          "When the risk buys more than the venue's maximum order size, take the maximum (risking"
              + " less than --risk) instead of refusing the trade.")
  boolean capAtMaxSize;

  @Option(
      names = "--slippage-ticks",
      paramLabel = "N",
      description = "Expected stop slippage in ticks (default: risk.stop-slippage, built in 1).")
  BigDecimal slippageTicks;

  @Option(
      names = "--slippage-price",
      paramLabel = "AMOUNT",
      description = "Expected stop slippage as a price amount (instead of --slippage-ticks).")
  BigDecimal slippagePrice;

  @Option(
      names = "--maker-fee",
      paramLabel = "RATE",
      description =
          "Maker fee as a fraction (default: risk.fees.maker, built in 0.0002 = OKX Lv1 0.02 %%).")
  BigDecimal makerFee;

  @Option(
      names = "--taker-fee",
      paramLabel = "RATE",
      description =
          "Taker fee as a fraction (default: risk.fees.taker, built in 0.0005 = OKX Lv1 0.05 %%).")
  BigDecimal takerFee;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration; its risk section sets the sizing (default: smc4j.yaml when"
              + " present, else built-in defaults).")
  Path configFile;

  @Override
  public Integer call() {
    try {
      return size();
    } catch (UsageProblem e) {
      return usageError(e.getMessage());
    }
  }

  private int size() {
    SizingParameters parameters;
    try {
      parameters = parameters(ConfigLoader.load(ConfigLoader.locate(configFile)).risk().sizing());
    } catch (ConfigException e) {
      throw new UsageProblem(e.getMessage());
    }
    ContractSpecs catalogue;
    try {
      catalogue = specs == null ? SizeJob.liveSpecs(okxUrl) : ContractSpecs.read(specs);
    } catch (MarketDataException e) {
      return failed(
          "cannot fetch the contract specs from OKX "
              + okxUrl
              + " (live): "
              + e.getMessage()
              + " (pass --specs FILE to size offline)");
    } catch (UncheckedIOException e) {
      return failed(
          "cannot read --specs "
              + specs
              + (e.getCause() instanceof NoSuchFileException
                  ? ": no such file"
                  : ": " + e.getCause().getMessage()));
    } catch (IllegalArgumentException e) {
      if (specs == null) {
        throw new UsageProblem("--okx-url: " + e.getMessage());
      }
      return failed("--specs " + specs + ": " + e.getMessage());
    }
    SizeOutcome outcome;
    try {
      outcome =
          SizeJob.run(
              new SizeRequest(symbol, entry, stop, Optional.ofNullable(side), parameters),
              catalogue);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    SizePrinter.printHeader(out, outcome, entry, stop);
    return switch (outcome.result()) {
      case SizingResult.Sized s -> {
        SizePrinter.printSized(out, s, outcome.contract(), outcome.parameters());
        out.flush();
        yield ExitCodes.OK;
      }
      case SizingResult.Refused r -> {
        out.printf(Locale.ROOT, "REFUSED (%s): %s%n", r.reason(), r.message());
        out.flush();
        yield ExitCodes.FAILED;
      }
    };
  }

  private int failed(String message) {
    spec.commandLine().getErr().println("error: " + message);
    return ExitCodes.FAILED;
  }

  /** The file's sizing with each option given applied over it. */
  private SizingParameters parameters(SizingParameters fromFile) {
    if (slippageTicks != null && slippagePrice != null) {
      throw new UsageProblem("give either --slippage-ticks or --slippage-price, not both");
    }
    try {
      SizingParameters p = fromFile;
      if (slippagePrice != null) {
        p = p.withSlippage(StopSlippage.price(slippagePrice));
      } else if (slippageTicks != null) {
        p = p.withSlippage(StopSlippage.ticks(slippageTicks));
      }
      if (risk != null) {
        p = p.withRiskUsd(risk);
      }
      if (tolerance != null) {
        p = p.withTolerance(tolerance);
      }
      if (makerFee != null || takerFee != null) {
        p =
            p.withFees(
                new FeeSchedule(
                    makerFee != null ? makerFee : p.fees().makerRate(),
                    takerFee != null ? takerFee : p.fees().takerRate()));
      }
      if (maker) {
        p = p.withEntryLiquidity(Liquidity.MAKER);
      }
      if (leverage != null) {
        p = p.withLeverage(leverage);
      }
      if (capAtMaxSize) {
        p = p.withMaxSizePolicy(MaxSizePolicy.CAP);
      }
      return p;
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(optionOf(e.getMessage()) + ": " + e.getMessage());
    }
  }

  /** Names the option behind a validation message of the risk records. */
  private static String optionOf(String message) {
    if (message.startsWith("riskUsd")) {
      return "--risk";
    }
    if (message.startsWith("tolerance")) {
      return "--tolerance";
    }
    if (message.startsWith("leverage")) {
      return "--leverage";
    }
    if (message.startsWith("makerRate")) {
      return "--maker-fee";
    }
    if (message.startsWith("takerRate")) {
      return "--taker-fee";
    }
    return message.startsWith("slippage") ? "--slippage-ticks/--slippage-price" : "invalid option";
  }

  private int usageError(String message) {
    spec.commandLine().getErr().println("error: " + message);
    spec.commandLine().getErr().flush();
    return ExitCodes.USAGE;
  }

  /** A wrong option value or an unknown symbol: exit 2 with the message, without the usage text. */
  private static final class UsageProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
      super(message);
    }
  }
}
