package org.smc4j.cli.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.output.OutputFolder;
import org.smc4j.backtest.output.RunInfo;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.InferredContractSpec;
import org.smc4j.backtest.replay.StrategyEngineSignalSource;
import org.smc4j.backtest.replay.SymbolFailure;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.backtest.report.BacktestReport;
import org.smc4j.backtest.report.HtmlReportWriter;
import org.smc4j.backtest.report.ReportProgress;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.config.BacktestConfig;
import org.smc4j.cli.config.ConfigException;
import org.smc4j.cli.config.ConfigLoader;
import org.smc4j.cli.config.ConfigPrinter;
import org.smc4j.cli.config.RiskConfig;
import org.smc4j.cli.config.Smc4jConfig;
import org.smc4j.cli.config.StrategyOptions;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.funding.FundingRate;
import org.smc4j.marketdata.funding.FundingRateCsvReader;
import org.smc4j.marketdata.funding.FundingRateHistory;
import org.smc4j.marketdata.okx.OkxInstrumentMapper;
import org.smc4j.marketdata.validate.ValidationMode;
import org.smc4j.risk.ContractSpecFile;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.journal.SqliteJournal;
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
    SizingParameters sizing = cfg.risk().sizing();
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
                + " = finest price step seen, lot = largest power of ten worth <= 1 USDT); pass --specs for the venue's exact sizing"
            : "contract specs: from " + specs;
    stdout.println(specNote);
    notes.add(specNote);

    BacktestConfig bt = cfg.backtest();
    BrokerModels models = bt.models(sizing.fees());
    Optional<HistoricalFundingModel> history = Optional.empty();
    if (funding != null) {
      history =
          Optional.of(
              loadFunding(candles.keySet(), bt.fundingRate(), bt.fundingSchedule(), stdout, notes));
      models = models.withFunding(history.get());
    } else {
      String n =
          String.format(
              Locale.ROOT,
              "funding: constant %s per %s settlement (no --funding)",
              plain(bt.fundingRate()),
              interval(bt));
      stdout.println(n);
      notes.add(n);
    }
    String configLine =
        "config: "
            + configFile
                .map(Path::toString)
                .orElse("built-in defaults (no --config, no smc4j.yaml)");
    String strategyLine = "strategy: " + parameters(cfg.strategy().toString());
    String brokerLine =
        String.format(
            Locale.ROOT,
            "risk %s USDT per trade, leverage %s; fees maker %s, taker %s; slippage %s;"
                + " limit entries expire %s",
            sizing.riskUsd().toPlainString(),
            sizing.leverage().toPlainString(),
            sizing.fees().makerRate().stripTrailingZeros().toPlainString(),
            sizing.fees().takerRate().stripTrailingZeros().toPlainString(),
            parameters(models.slippage().toString()),
            bt.limitExpiry().map(d -> "after " + ConfigPrinter.duration(d)).orElse("never"));
    GuardLimits limits = cfg.risk().guards();
    String guardLine =
        bt.applyGuards()
            ? String.format(
                Locale.ROOT,
                "guards: max daily loss %s USDT, max %d losing trades a day, max %d open trades,"
                    + " max open risk %s USDT, day start %02d:00 UTC, equity %s USDT",
                limits.maxDailyLossUsd().toPlainString(),
                limits.maxDailyLosingTrades(),
                limits.maxConcurrentTrades(),
                limits.maxOpenRiskUsd().toPlainString(),
                limits.dayStartHourUtc(),
                cfg.risk().accountEquityUsd().toPlainString())
            : "guards: off (every signal the sizer accepts is traded)";
    for (String line : List.of(configLine, strategyLine, brokerLine, guardLine)) {
      stdout.println(line);
      notes.add(line);
    }

    BacktestSettings settings =
        new BacktestSettings(
            new StrategyEngineSignalSource(cfg.strategy()),
            models,
            sizing,
            bt.applyGuards() ? Optional.of(limits) : Optional.empty(),
            cfg.risk().accountEquityUsd(),
            threads != null ? threads : Runtime.getRuntime().availableProcessors());
    BacktestResult result;
    long runId;
    List<Path> written = new ArrayList<>();
    // the run writes into a locked staging folder that replaces --out only when complete
    try (OutputFolder folder =
        OutputFolder.open(out, RunInfo.start(description(), Clock.systemUTC()))) {
      Path journalFile = folder.carryOver("journal.sqlite");
      ProgressPrinter progress =
          new ProgressPrinter(err, System.console() != null, System::nanoTime);
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
          "writing the exports and the report (%d trade(s)) ...%n",
          result.trades().size());
      stdout.flush();
      long id = runId;
      List<Path> staged = new ArrayList<>();
      staged.add(journalFile);
      staged.addAll(folder.writeAll(d -> JournalExporter.exportCsv(journalFile, id, d)));
      staged.add(folder.write("journal.xlsx", f -> JournalExporter.exportXlsx(journalFile, id, f)));
      BacktestReport content =
          new BacktestReport(
                  "smc4j backtest: " + String.join(", ", candles.keySet()), result, candles, notes)
              .withRun(folder.run());
      ReportProgress reportProgress =
          noProgress
              ? ReportProgress.NONE
              : (done, all, step) -> {
                err.printf(Locale.ROOT, "report %d/%d: %s%n", done, all, step);
                err.flush();
              };
      staged.add(
          folder.write(
              "report.html", f -> HtmlReportWriter.DEFAULT.write(f, content, reportProgress)));
      folder.commit();
      staged.forEach(p -> written.add(out.resolve(p.getFileName())));
    }

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
    // the top-level parse result's arguments start with the command name, "backtest"
    return "smc4j " + String.join(" ", args);
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
    long taken = result.signals().stream().filter(s -> s.status() == SignalStatus.TAKEN).count();
    out.printf(
        Locale.ROOT,
        "%,d candles, %d signal(s): %d taken, %d skipped; %d entr%s cancelled%n",
        result.bars(),
        result.signals().size(),
        taken,
        result.signals().size() - taken,
        result.cancellations().size(),
        result.cancellations().size() == 1 ? "y" : "ies");
    Map<String, Integer> reasons = skipReasons(result.signals());
    if (!reasons.isEmpty()) {
      StringBuilder sb = new StringBuilder("skipped by reason:");
      reasons.forEach((k, n) -> sb.append(' ').append(k).append(' ').append(n).append(','));
      out.println(sb.substring(0, sb.length() - 1));
    }
  }

  /**
   * Counts the skipped signals by the label of their {@link org.smc4j.trading.decision.SkipReason},
   * most frequent first (as the report groups them), e.g. {@code one position per symbol} or {@code
   * guard DAILY_LOSS+MAX_OPEN_RISK}.
   *
   * @param signals the journaled signals
   * @return kind to count
   */
  static Map<String, Integer> skipReasons(List<SignalRecord> signals) {
    Map<String, Integer> counts = new TreeMap<>();
    for (SignalRecord s : signals) {
      if (s.skip().isEmpty()) {
        continue;
      }
      String kind = s.skip().get().label();
      counts.merge(kind, 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    Map<String, Integer> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
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

  private static String interval(BacktestConfig bt) {
    return ConfigPrinter.duration(bt.fundingInterval());
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String opt(OptionalDouble v, double scale, String format) {
    return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble() * scale) : "n/a";
  }

  private HistoricalFundingModel loadFunding(
      java.util.Set<String> traded,
      double fallbackRate,
      FundingSchedule schedule,
      PrintWriter stdout,
      List<String> notes) {
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
    return HistoricalFundingModel.of(histories, schedule, new ConstantFundingModel(fallbackRate));
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
