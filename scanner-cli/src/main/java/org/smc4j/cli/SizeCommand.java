package org.smc4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.core.instrument.Liquidity;
import org.smc4j.core.signal.Side;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.okx.OkxInstrumentMapper;
import org.smc4j.marketdata.okx.OkxMarketData;
import org.smc4j.marketdata.okx.OkxSettings;
import org.smc4j.risk.ContractSpecFile;
import org.smc4j.risk.FeeSchedule;
import org.smc4j.risk.LossBreakdown;
import org.smc4j.risk.MaxSizePolicy;
import org.smc4j.risk.PositionSizer;
import org.smc4j.risk.SizingAdjustment;
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
      description = "OKX instrument id, e.g. BTC-USDT-SWAP (as in the spec file with --specs).")
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
      defaultValue = "1",
      paramLabel = "USD",
      description = "Dollar risk, all-in (default: ${DEFAULT-VALUE}).")
  BigDecimal risk;

  @Option(
      names = "--tolerance",
      defaultValue = "0.1",
      paramLabel = "FRACTION",
      description =
          "How far above the risk the minimum size alone may go (default: ${DEFAULT-VALUE}).")
  BigDecimal tolerance;

  @Option(
      names = "--leverage",
      defaultValue = "10",
      paramLabel = "X",
      description = "Isolated-margin leverage for the initial margin (default: ${DEFAULT-VALUE}).")
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
      description = "Expected stop slippage in ticks (default: 1).")
  BigDecimal slippageTicks;

  @Option(
      names = "--slippage-price",
      paramLabel = "AMOUNT",
      description = "Expected stop slippage as a price amount (instead of --slippage-ticks).")
  BigDecimal slippagePrice;

  @Option(
      names = "--maker-fee",
      defaultValue = "0.0002",
      paramLabel = "RATE",
      description = "Maker fee as a fraction (default: ${DEFAULT-VALUE} = OKX Lv1 0.02 %%).")
  BigDecimal makerFee;

  @Option(
      names = "--taker-fee",
      defaultValue = "0.0005",
      paramLabel = "RATE",
      description = "Taker fee as a fraction (default: ${DEFAULT-VALUE} = OKX Lv1 0.05 %%).")
  BigDecimal takerFee;

  @Override
  public Integer call() {
    try {
      return size();
    } catch (UsageProblem e) {
      return usageError(e.getMessage());
    }
  }

  private int size() {
    SizingParameters parameters = parameters();
    String source;
    List<ContractSpec> all;
    List<String> unreadable;
    if (specs == null) {
      source = "OKX " + okxUrl + " (live)";
      OkxSettings settings;
      try {
        settings = OkxSettings.defaults().withBaseUrl(okxUrl);
      } catch (IllegalArgumentException e) {
        throw new UsageProblem("--okx-url: " + e.getMessage());
      }
      try (OkxMarketData okx = OkxMarketData.create(settings)) {
        OkxInstrumentMapper.Mapped mapped = okx.swapInstruments();
        all = mapped.specs();
        unreadable = mapped.failures();
      } catch (MarketDataException e) {
        spec.commandLine()
            .getErr()
            .println(
                "error: cannot fetch the contract specs from "
                    + source
                    + ": "
                    + e.getMessage()
                    + " (pass --specs FILE to size offline)");
        return ExitCodes.FAILED;
      }
    } else {
      source = specs.toString();
      try {
        Loaded loaded = load(specs);
        all = loaded.specs();
        unreadable = loaded.failures();
      } catch (IOException e) {
        spec.commandLine()
            .getErr()
            .println(
                "error: cannot read --specs "
                    + specs
                    + (e instanceof NoSuchFileException
                        ? ": no such file"
                        : ": " + e.getMessage()));
        return ExitCodes.FAILED;
      } catch (MarketDataException | IllegalArgumentException e) {
        spec.commandLine().getErr().println("error: --specs " + specs + ": " + e.getMessage());
        return ExitCodes.FAILED;
      }
    }
    ContractSpec contract = find(all, unreadable, source);
    Side tradeSide = side != null ? side : (stop > entry ? Side.SHORT : Side.LONG);
    SizingResult result = new PositionSizer(parameters).size(tradeSide, entry, stop, contract);
    PrintWriter out = spec.commandLine().getOut();
    printHeader(out, contract, tradeSide, parameters, source);
    return switch (result) {
      case SizingResult.Sized s -> {
        printSized(out, s, contract, parameters);
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

  private SizingParameters parameters() {
    if (slippageTicks != null && slippagePrice != null) {
      throw new UsageProblem("give either --slippage-ticks or --slippage-price, not both");
    }
    try {
      StopSlippage slippage =
          slippagePrice != null
              ? StopSlippage.price(slippagePrice)
              : StopSlippage.ticks(slippageTicks != null ? slippageTicks : BigDecimal.ONE);
      return new SizingParameters(
          risk,
          tolerance,
          new FeeSchedule(makerFee, takerFee),
          maker ? Liquidity.MAKER : Liquidity.TAKER,
          slippage,
          leverage,
          capAtMaxSize ? MaxSizePolicy.CAP : MaxSizePolicy.REFUSE);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(optionOf(e.getMessage()) + ": " + e.getMessage());
    }
  }

  /** The specs of a file, and the instruments in it that could not be read. */
  private record Loaded(List<ContractSpec> specs, List<String> failures) {}

  private static Loaded load(Path file) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    if (content.stripLeading().startsWith("{")) {
      OkxInstrumentMapper.Mapped mapped = OkxInstrumentMapper.mapResponse(content, file.toString());
      return new Loaded(mapped.specs(), mapped.failures());
    }
    return new Loaded(ContractSpecFile.parse(content, file.toString()), List.of());
  }

  private ContractSpec find(List<ContractSpec> all, List<String> unreadable, String source) {
    for (ContractSpec s : all) {
      if (s.instrumentId().equals(symbol)) {
        return s;
      }
    }
    for (String failure : unreadable) {
      if (failure.contains("(" + symbol + ")")) {
        throw new UsageProblem(symbol + " is in " + source + " but could not be read: " + failure);
      }
    }
    List<String> near =
        all.stream()
            .map(ContractSpec::instrumentId)
            .filter(
                id ->
                    distance(normalise(id), normalise(symbol)) <= 3
                        || normalise(id).contains(normalise(symbol))
                        || normalise(symbol).contains(normalise(id)))
            .sorted(
                Comparator.comparingInt((String id) -> distance(id, symbol))
                    .thenComparing(id -> id))
            .limit(5)
            .toList();
    throw new UsageProblem(
        String.format(
            Locale.ROOT,
            "unknown symbol %s: not among the %d instruments in %s%s; %s",
            symbol,
            all.size(),
            source,
            unreadable.isEmpty() ? "" : " (" + unreadable.size() + " more could not be read)",
            near.isEmpty() ? "no near matches" : "near matches: " + String.join(", ", near)));
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

  private static String normalise(String id) {
    return id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  private void printHeader(
      PrintWriter out, ContractSpec c, Side s, SizingParameters p, String source) {
    out.printf(
        Locale.ROOT,
        "%s %s: entry %s, stop %s, risk %s (tolerance %s), %s entry, leverage %sx%n",
        c.instrumentId(),
        s.name().toLowerCase(Locale.ROOT),
        plain(entry),
        plain(stop),
        plain(p.riskUsd()),
        plain(p.tolerance()),
        p.entryLiquidity() == Liquidity.MAKER ? "limit (maker)" : "market (taker)",
        plain(p.leverage()));
    out.printf(
        Locale.ROOT,
        "contract: %s, %s, settles in %s; ctVal %s %s x ctMult %s = %s %s per contract;"
            + " tickSz %s, lotSz %s, minSz %s, maxLmtSz %s, maxMktSz %s (from %s)%n",
        c.type().name().toLowerCase(Locale.ROOT),
        c.state().okxName(),
        c.settleCurrency(),
        plain(c.contractValue()),
        c.contractValueCurrency(),
        plain(c.contractMultiplier()),
        plain(c.unitsPerContract()),
        c.contractValueCurrency(),
        plain(c.tickSize()),
        plain(c.lotSize()),
        plain(c.minSize()),
        plain(c.maxLimitSize()),
        plain(c.maxMarketSize()),
        source);
  }

  private static void printSized(
      PrintWriter out, SizingResult.Sized s, ContractSpec c, SizingParameters p) {
    String units = plain(c.unitsPerContract());
    String ccy = c.settleCurrency();
    LossBreakdown l = s.perContract();
    BigDecimal slip = s.stopFill().subtract(s.stop()).abs();
    out.printf(
        Locale.ROOT,
        "1. stop distance:  |%s - %s| = %s = %s ticks of %s%n",
        plain(s.entry()),
        plain(s.stop()),
        plain(s.distance()),
        plain(s.distanceTicks()),
        plain(c.tickSize()));
    out.printf(
        Locale.ROOT,
        "2. stop fill:      %s %s slippage %s = %s%n",
        plain(s.stop()),
        s.side() == Side.LONG ? "-" : "+",
        plain(slip),
        plain(s.stopFill()));
    out.printf(Locale.ROOT, "3. loss per contract if stopped (%s):%n", ccy);
    out.printf(
        Locale.ROOT,
        "     price move    %s x %s = %s%n",
        plain(s.distance()),
        units,
        plain(l.priceMove()));
    out.printf(
        Locale.ROOT, "     slippage      %s x %s = %s%n", plain(slip), units, plain(l.slippage()));
    out.printf(
        Locale.ROOT,
        "     entry fee     %s %s x %s x %s = %s%n",
        p.entryLiquidity() == Liquidity.MAKER ? "maker" : "taker",
        percent(p.fees().rate(p.entryLiquidity())),
        plain(s.entry()),
        units,
        plain(l.entryFee()));
    out.printf(
        Locale.ROOT,
        "     exit fee      taker %s x %s x %s = %s%n",
        percent(p.fees().takerRate()),
        plain(s.stopFill()),
        units,
        plain(l.exitFee()));
    out.printf(Locale.ROOT, "     total         %s%n", plain(l.total()));
    out.printf(
        Locale.ROOT,
        "4. contracts:      %s / %s = %s -> rounded down to lotSz %s: %s%n",
        plain(p.riskUsd()),
        plain(l.total()),
        plain(s.idealContracts()),
        plain(c.lotSize()),
        plain(s.idealContracts().divide(c.lotSize(), 0, RoundingMode.FLOOR).multiply(c.lotSize())));
    if (s.adjustments().contains(SizingAdjustment.RAISED_TO_MIN_SIZE)) {
      out.printf(
          Locale.ROOT,
          "   raised to minSz %s: it risks at most %s x (1 + %s)%n",
          plain(c.minSize()),
          plain(p.riskUsd()),
          plain(p.tolerance()));
    }
    if (s.adjustments().contains(SizingAdjustment.CAPPED_AT_MAX_SIZE)) {
      out.printf(
          Locale.ROOT,
          "   capped at the maximum %s order size %s (risking less than the target)%n",
          p.entryLiquidity() == Liquidity.MAKER ? "limit" : "market",
          plain(c.maxSize(p.entryLiquidity())));
    }
    out.printf(Locale.ROOT, "   size:           %s contracts%n", plain(s.contracts()));
    out.printf(
        Locale.ROOT,
        "5. notional:       %s x %s x %s = %s %s%n",
        plain(s.contracts()),
        units,
        plain(s.entry()),
        plain(s.notional()),
        ccy);
    out.printf(
        Locale.ROOT,
        "6. initial margin: %s / %s = %s %s (isolated)%n",
        plain(s.notional()),
        plain(p.leverage()),
        plain(s.initialMargin()),
        ccy);
    out.printf(
        Locale.ROOT,
        "7. risk all-in:    %s x %s = %s %s = %s x the %s target%n",
        plain(s.contracts()),
        plain(l.total()),
        plain(s.riskAllIn()),
        ccy,
        plain(s.riskRatio()),
        plain(s.targetRisk()));
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static String plain(double value) {
    return Double.isFinite(value) ? plain(BigDecimal.valueOf(value)) : Double.toString(value);
  }

  private static String percent(BigDecimal rate) {
    return plain(rate.movePointRight(2)) + " %";
  }
}
