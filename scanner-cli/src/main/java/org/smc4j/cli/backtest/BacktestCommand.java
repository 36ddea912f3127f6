package org.smc4j.cli.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.funding.ConstantFundingModel;
import org.smc4j.backtest.funding.FundingSchedule;
import org.smc4j.backtest.funding.HistoricalFundingModel;
import org.smc4j.backtest.journal.JournalExporter;
import org.smc4j.backtest.journal.SqliteJournal;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.InferredContractSpec;
import org.smc4j.backtest.replay.StrategyEngineSignalSource;
import org.smc4j.backtest.replay.SymbolFailure;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.backtest.report.BacktestReport;
import org.smc4j.backtest.report.HtmlReportWriter;
import org.smc4j.backtest.report.ReportFile;
import org.smc4j.cli.ExitCodes;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.funding.FundingRate;
import org.smc4j.marketdata.funding.FundingRateCsvReader;
import org.smc4j.marketdata.funding.FundingRateHistory;
import org.smc4j.marketdata.okx.OkxInstrumentMapper;
import org.smc4j.marketdata.validate.ValidationMode;
import org.smc4j.risk.ContractSpec;
import org.smc4j.risk.ContractSpecFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smc4j backtest}: replays 5m candle CSV files of several symbols through the live strategy
 * engine and the simulated broker (STRATEGY.md section 9), symbols in parallel, and writes into
 * {@code --out}: the SQLite journal ({@code journal.sqlite}, one run per invocation), its CSV
 * exports ({@code signals.csv}, {@code trades.csv}, {@code cancellations.csv}) and {@code
 * journal.xlsx}, and the self-contained {@code report.html}. Prints a summary table per symbol and
 * in total. Exit 0 when done, 1 when a symbol failed or a file could not be read or written, 2 for
 * a usage error (bad option, unknown config key, bad config value, no data).
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
    List<String> footer = new ArrayList<>();
    footer.add("");
    footer.add("--config FILE keys (.properties, or .yaml with strategy: and backtest:");
    footer.add("sections; default in parentheses):");
    BacktestConfig.KEYS.forEach(
        (k, v) -> footer.add(String.format(Locale.ROOT, "  %-26s %s", k, v).replace("%", "%%")));
    footer.add("An unknown key or a bad value is an error naming the key.");
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
      required = true,
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "5m candle CSV files, or directories walked for *.csv.")
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
      description = "Strategy and backtest parameters (.properties/.yaml; keys below).")
  Path config;

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
              + " settlements they do not cover use backtest.fundingRate.")
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
      required = true,
      paramLabel = "DIR",
      description = "Output folder (created; files of the same name are replaced).")
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

  /** The instruments of an OKX --specs file that could not be mapped. */
  private List<String> unreadableSpecs = List.of();

  /** Creates the command (picocli). */
  public BacktestCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (from != null && to != null && !to.isAfter(from)) {
      throw new IllegalArgumentException("--to " + to + " must be after --from " + from);
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, was " + threads);
    }
    BacktestConfig cfg = config == null ? BacktestConfig.DEFAULT : BacktestConfig.read(config);
    CandleCsvReader reader =
        CandleCsvReader.of(lenient ? ValidationMode.LENIENT : ValidationMode.STRICT);

    List<Path> skipped = new ArrayList<>();
    Map<String, List<Path>> fiveMinuteFiles =
        BacktestInputs.bySymbol(BacktestInputs.expand(data, "--data"), Timeframe.M5, skipped);
    if (fiveMinuteFiles.isEmpty()) {
      throw new IllegalArgumentException("--data: no 5m candle files in " + data);
    }
    if (symbols != null) {
      Map<String, List<Path>> chosen = new TreeMap<>();
      for (String s : symbols) {
        String symbol = s.strip().toUpperCase(Locale.ROOT);
        List<Path> files = fiveMinuteFiles.get(symbol);
        if (files == null) {
          throw new IllegalArgumentException(
              "--symbols: no 5m data for "
                  + symbol
                  + " in --data (found "
                  + fiveMinuteFiles.keySet()
                  + ")");
        }
        chosen.put(symbol, files);
      }
      fiveMinuteFiles = chosen;
    }
    Map<String, List<Path>> oneMinuteFiles = new TreeMap<>();
    if (oneMinute != null) {
      List<Path> notOneMinute = new ArrayList<>();
      oneMinuteFiles =
          BacktestInputs.bySymbol(
              BacktestInputs.expand(oneMinute, "--one-minute"), Timeframe.M1, notOneMinute);
      if (!notOneMinute.isEmpty()) {
        throw new IllegalArgumentException("--one-minute: not 1m candles: " + notOneMinute.get(0));
      }
    }

    Optional<Instant> fromTime = Optional.ofNullable(from);
    Optional<Instant> toTime = Optional.ofNullable(to);
    Map<String, BarArrays> candles = new LinkedHashMap<>();
    List<SymbolInput> inputs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, ContractSpec> specFile = specs == null ? Map.of() : loadSpecs(specs);
    for (Map.Entry<String, List<Path>> e : fiveMinuteFiles.entrySet()) {
      String symbol = e.getKey();
      BacktestInputs.Series five =
          BacktestInputs.read(symbol, e.getValue(), Timeframe.M5, reader, fromTime, toTime);
      BarArrays bars = five.bars();
      Optional<BarArrays> one = Optional.empty();
      if (oneMinuteFiles.containsKey(symbol)) {
        one =
            Optional.of(
                BacktestInputs.read(
                        symbol, oneMinuteFiles.get(symbol), Timeframe.M1, reader, fromTime, toTime)
                    .bars());
      }
      ContractSpec contract = specFor(symbol, bars, specFile);
      candles.put(symbol, bars);
      inputs.add(new SymbolInput(symbol, bars, one, contract));
      var report = five.report();
      String line =
          String.format(
              Locale.ROOT,
              "%s: %,d 5m candles %s .. %s from %d file(s)%s%s; tick %s, contract %s %s, lot %s",
              symbol,
              bars.size(),
              bars.openTime(0),
              bars.openTime(bars.size() - 1),
              five.files().size(),
              one.map(o -> String.format(Locale.ROOT, ", %,d 1m candles", o.size())).orElse(""),
              report.hasProblems()
                  ? String.format(
                      Locale.ROOT,
                      ", %d row(s) dropped, %d gap(s)",
                      report.problems().size(),
                      report.gaps().size())
                  : "",
              contract.tickSize().toPlainString(),
              contract.contractValue().multiply(contract.contractMultiplier()).toPlainString(),
              contract.contractValueCurrency(),
              contract.lotSize().toPlainString());
      stdout.println(line);
      notes.add(line);
    }
    for (String symbol : oneMinuteFiles.keySet()) {
      if (!fiveMinuteFiles.containsKey(symbol)) {
        stdout.println("note: --one-minute files of " + symbol + " ignored: no 5m data for it");
      }
    }
    if (!skipped.isEmpty()) {
      stdout.println(
          "note: skipped "
              + skipped.size()
              + " file(s) of other timeframes in --data, e.g. "
              + skipped.get(0));
    }
    String specNote =
        specs == null
            ? "contract specs: inferred from the candles (linear, 1 base unit per contract, tick"
                + " = finest price step seen, lot 0.001); pass --specs for the venue's exact sizing"
            : "contract specs: from " + specs;
    stdout.println(specNote);
    notes.add(specNote);

    BrokerModels models = cfg.models();
    Optional<HistoricalFundingModel> history = Optional.empty();
    if (funding != null) {
      history = Optional.of(loadFunding(candles.keySet(), cfg.fundingRate(), stdout, notes));
      models = models.withFunding(history.get());
    } else {
      String n =
          String.format(
              Locale.ROOT,
              "funding: constant %s per 8 h settlement (no --funding)",
              plain(cfg.fundingRate()));
      stdout.println(n);
      notes.add(n);
    }
    if (config != null) {
      notes.add("config: " + config);
    }
    String strategyLine = "strategy: " + parameters(cfg.strategy().toString());
    String brokerLine =
        String.format(
            Locale.ROOT,
            "risk %s USDT per trade, leverage %s; fees maker %s, taker %s; slippage %s",
            cfg.sizing().riskUsd().toPlainString(),
            cfg.sizing().leverage().toPlainString(),
            cfg.sizing().fees().makerRate().stripTrailingZeros().toPlainString(),
            cfg.sizing().fees().takerRate().stripTrailingZeros().toPlainString(),
            parameters(cfg.models().slippage().toString()));
    stdout.println(strategyLine);
    stdout.println(brokerLine);
    notes.add(strategyLine);
    notes.add(brokerLine);

    BacktestSettings settings =
        new BacktestSettings(
            new StrategyEngineSignalSource(cfg.strategy()),
            models,
            cfg.sizing(),
            Optional.empty(),
            cfg.accountEquity(),
            threads != null ? threads : Runtime.getRuntime().availableProcessors());
    Files.createDirectories(out);
    Path journalFile = out.resolve("journal.sqlite");
    ProgressPrinter progress = new ProgressPrinter(err, System.console() != null, System::nanoTime);
    BacktestResult result;
    long runId;
    long total = 2 * inputs.stream().mapToLong(in -> in.fiveMinute().size()).sum();
    try (SqliteJournal journal = SqliteJournal.open(journalFile, description())) {
      runId = journal.runId();
      result =
          new BacktestEngine(settings)
              .run(inputs, journal, noProgress ? (done, all) -> {} : progress);
    }
    if (!noProgress) {
      progress.finish(total);
    }
    history.ifPresent(
        h -> {
          if (h.fallbackCount() > 0) {
            stdout.printf(
                Locale.ROOT,
                "funding: %d settlement(s) outside the history charged at the constant rate%n",
                h.fallbackCount());
          }
        });

    stdout.printf(
        Locale.ROOT,
        "writing the exports and the report (%d trade chart(s)) ...%n",
        result.trades().size());
    stdout.flush();
    List<Path> written = new ArrayList<>();
    written.add(journalFile);
    written.addAll(JournalExporter.exportCsv(journalFile, runId, out));
    written.add(JournalExporter.exportXlsx(journalFile, runId, out.resolve("journal.xlsx")));
    ReportFile report =
        HtmlReportWriter.DEFAULT.write(
            out.resolve("report.html"),
            new BacktestReport(
                "smc4j backtest: " + String.join(", ", candles.keySet()), result, candles, notes));
    written.add(report.file());

    printSummary(stdout, result);
    stdout.println("written (run " + runId + "):");
    for (Path p : written) {
      stdout.println("  " + p);
    }
    for (SymbolFailure f : result.failures()) {
      err.println("error: " + f.symbol() + ": " + f.message());
    }
    return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private String description() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    return "smc4j backtest " + String.join(" ", args);
  }

  static void printSummary(PrintWriter out, BacktestResult result) {
    Map<String, PerformanceMetrics> metrics =
        MetricsCalculator.bySymbolAndTotal(result.trades(), result.from(), result.to());
    out.printf(
        Locale.ROOT,
        "%n%-14s %7s %6s %7s %8s %12s %12s %7s %10s %8s %7s %9s %9s%n",
        "symbol",
        "trades",
        "wins",
        "win %",
        "avg R",
        "net $ pess",
        "net $ opt",
        "PF",
        "max DD $",
        "max DD R",
        "Sharpe",
        "fees $",
        "funding $");
    for (PerformanceMetrics m : metrics.values()) {
      out.printf(
          Locale.ROOT,
          "%-14s %7d %6d %7s %8s %12.4f %12.4f %7s %10.4f %8.2f %7s %9.4f %9.4f%n",
          m.scope(),
          m.trades(),
          m.wins(),
          opt(m.winRate(), 100, "%.1f"),
          opt(m.averageRNet(), 1, "%.3f"),
          m.netPnl(),
          m.optimisticNetPnl(),
          opt(m.profitFactor(), 1, "%.2f"),
          m.maxDrawdown(),
          m.maxDrawdownR(),
          opt(m.sharpe(), 1, "%.2f"),
          m.fees(),
          m.funding());
    }
    long taken =
        result.signals().stream()
            .filter(s -> s.status() == org.smc4j.backtest.journal.SignalStatus.TAKEN)
            .count();
    out.printf(
        Locale.ROOT,
        "%,d candles, %d signal(s): %d taken, %d skipped; %d entr%s cancelled%n",
        result.bars(),
        result.signals().size(),
        taken,
        result.signals().size() - taken,
        result.cancellations().size(),
        result.cancellations().size() == 1 ? "y" : "ies");
  }

  /**
   * Returns a record's components from its text form: {@code Name[a=1, b=2]} gives {@code a=1,
   * b=2}.
   */
  static String parameters(String record) {
    int open = record.indexOf('[');
    return open >= 0 && record.endsWith("]")
        ? record.substring(open + 1, record.length() - 1)
        : record;
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String opt(OptionalDouble v, double scale, String format) {
    return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble() * scale) : "n/a";
  }

  private HistoricalFundingModel loadFunding(
      java.util.Set<String> traded, double fallbackRate, PrintWriter stdout, List<String> notes) {
    Map<String, Map<Long, Double>> histories = new TreeMap<>();
    for (Path f : BacktestInputs.expand(funding, "--funding")) {
      String symbol = BacktestInputs.symbolOf(f);
      FundingRateHistory h = FundingRateCsvReader.STRICT.read(f).history();
      Map<Long, Double> rates = histories.computeIfAbsent(symbol, k -> new TreeMap<>());
      for (int i = 0; i < h.size(); i++) {
        FundingRate r = h.get(i);
        rates.put(r.settlementTime().toEpochMilli(), r.rate());
      }
      String n =
          String.format(
              Locale.ROOT,
              "funding %s: %,d settlements %s .. %s from %s",
              symbol,
              h.size(),
              h.first().map(Instant::toString).orElse("-"),
              h.last().map(Instant::toString).orElse("-"),
              f);
      if (traded.contains(symbol)) {
        stdout.println(n);
        notes.add(n);
      }
    }
    for (String symbol : traded) {
      if (!histories.containsKey(symbol)) {
        String n =
            String.format(
                Locale.ROOT,
                "funding %s: no history in --funding, constant %s per settlement",
                symbol,
                plain(fallbackRate));
        stdout.println(n);
        notes.add(n);
      }
    }
    return HistoricalFundingModel.of(
        histories, FundingSchedule.EIGHT_HOURS, new ConstantFundingModel(fallbackRate));
  }

  private Map<String, ContractSpec> loadSpecs(Path file) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    List<ContractSpec> all;
    if (content.stripLeading().startsWith("{")) {
      OkxInstrumentMapper.Mapped mapped = OkxInstrumentMapper.mapResponse(content, file.toString());
      all = mapped.specs();
      unreadableSpecs = mapped.failures();
    } else {
      all = ContractSpecFile.parse(content, file.toString());
    }
    Map<String, ContractSpec> bySymbol = new TreeMap<>();
    for (ContractSpec s : all) {
      bySymbol.put(normalise(s.instrumentId()), s);
    }
    return bySymbol;
  }

  private ContractSpec specFor(String symbol, BarArrays bars, Map<String, ContractSpec> file) {
    if (specs == null) {
      return InferredContractSpec.from(symbol, bars);
    }
    ContractSpec s = file.get(normalise(symbol));
    if (s == null) {
      String unreadable =
          unreadableSpecs.stream()
              .filter(f -> normalise(f).contains(normalise(symbol)))
              .findFirst()
              .map(f -> "; it could not be read: " + f)
              .orElse("");
      throw new IllegalArgumentException(
          "--specs "
              + specs
              + ": no contract for "
              + symbol
              + " ("
              + file.size()
              + " read, BTC-USDT-SWAP matches BTCUSDT)"
              + unreadable);
    }
    return s;
  }

  /** {@code BTC-USDT-SWAP} and {@code BTCUSDT} both become {@code BTCUSDT}. */
  static String normalise(String id) {
    String s = id.toUpperCase(Locale.ROOT);
    if (s.endsWith("-SWAP")) {
      s = s.substring(0, s.length() - 5);
    }
    return s.replace("-", "").replace("_", "").replace("/", "");
  }
}
