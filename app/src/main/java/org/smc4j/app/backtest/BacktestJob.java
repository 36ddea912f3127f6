package org.smc4j.app.backtest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.smc4j.app.config.BacktestConfig;
import org.smc4j.app.config.ConfigPrinter;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.backtest.broker.BrokerModels;
import org.smc4j.backtest.funding.ConstantFundingModel;
import org.smc4j.backtest.funding.FundingSchedule;
import org.smc4j.backtest.funding.HistoricalFundingModel;
import org.smc4j.backtest.journal.JournalExporter;
import org.smc4j.backtest.output.OutputFolder;
import org.smc4j.backtest.output.RunInfo;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.StrategyEngineSignalSource;
import org.smc4j.backtest.replay.SymbolFailure;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.backtest.report.BacktestReport;
import org.smc4j.backtest.report.HtmlReportWriter;
import org.smc4j.backtest.report.ReportProgress;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.instrument.ContractSpec;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import org.smc4j.marketdata.csv.CandleFiles;
import org.smc4j.marketdata.funding.FundingRate;
import org.smc4j.marketdata.funding.FundingRateCsvReader;
import org.smc4j.marketdata.funding.FundingRateHistory;
import org.smc4j.marketdata.spec.ContractSpecSource;
import org.smc4j.marketdata.spec.ContractSpecs;
import org.smc4j.marketdata.spec.ResolvedSpec;
import org.smc4j.marketdata.validate.ValidationMode;
import org.smc4j.risk.SizingParameters;
import org.smc4j.risk.guard.GuardLimits;
import org.smc4j.trading.journal.SqliteJournal;

/**
 * {@code backtest}: replays 5m candle files of several symbols through the live strategy engine and
 * the simulated broker (STRATEGY.md section 9), symbols in parallel, and writes into the output
 * folder the SQLite journal ({@code journal.sqlite}, one run per call), its CSV exports ({@code
 * signals.csv}, {@code trades.csv}, {@code cancellations.csv}), {@code journal.xlsx} and {@code
 * report.html}.
 *
 * <p>Inputs are found by {@link CandleFileDiscovery}; specs come from {@link ContractSpecSource}
 * (the file, else the OKX specs shipped with smc4j, a symbol missing from either inferred and said
 * so per symbol); the strategy, risk and backtest sections of the configuration set the models,
 * sizing and portfolio guards.
 */
public final class BacktestJob {

  private BacktestJob() {}

  /**
   * Runs the job.
   *
   * @param request what to run
   * @param print receives each line of what was read and set up (also kept in the report's notes)
   * @param progress receives the replay's progress
   * @param reportProgress receives the report's progress
   * @return the result and the files written
   * @throws IllegalArgumentException naming the option for unusable inputs (missing files, no data
   *     for a symbol, a symbol the spec file lacks, an empty period)
   * @throws MarketDataException when no symbol's files can be read (strict: a bad row, a gap or a
   *     price outlier in each); a symbol whose files cannot be read while others can is not
   *     replayed and is listed first in the result's failures, with the problem's {@code file:line}
   * @throws IOException when the output cannot be written
   */
  public static BacktestRun run(
      BacktestRequest request,
      Consumer<String> print,
      ProgressListener progress,
      ReportProgress reportProgress)
      throws IOException {
    Smc4jConfig cfg = request.config();
    SizingParameters sizing = cfg.risk().sizing();
    CandleCsvReader reader =
        CandleCsvReader.of(request.lenient() ? ValidationMode.LENIENT : ValidationMode.STRICT);

    CandleFiles found = discover("--data", request.data(), Timeframe.M5);
    List<Path> skipped = found.otherTimeframes();
    Map<String, List<Path>> fiveMinuteFiles = found.bySymbol();
    if (fiveMinuteFiles.isEmpty()) {
      throw new IllegalArgumentException("--data: no 5m candle files in " + request.data());
    }
    if (!request.symbols().isEmpty()) {
      Map<String, List<Path>> chosen = new TreeMap<>();
      for (String s : request.symbols()) {
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
    if (!request.oneMinute().isEmpty()) {
      CandleFiles one = discover("--one-minute", request.oneMinute(), Timeframe.M1);
      if (!one.otherTimeframes().isEmpty()) {
        throw new IllegalArgumentException(
            "--one-minute: not 1m candles: " + one.otherTimeframes().get(0));
      }
      oneMinuteFiles = one.bySymbol();
    }

    Optional<Instant> fromTime = request.from();
    Optional<Instant> toTime = request.to();
    Map<String, BarArrays> candles = new LinkedHashMap<>();
    List<SymbolInput> inputs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    ContractSpecSource specSource =
        request.specs().isEmpty()
            ? ContractSpecSource.offlineDefault()
            : ContractSpecSource.of(
                ContractSpecs.read(request.specs().get()), ContractSpecSource.Missing.FAIL);
    Map<String, ResolvedSpec> resolvedSpecs = new LinkedHashMap<>();
    List<SymbolFailure> readFailures = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : fiveMinuteFiles.entrySet()) {
      String symbol = e.getKey();
      BacktestInputs.Series five;
      Optional<BarArrays> one = Optional.empty();
      try {
        five = BacktestInputs.read(symbol, e.getValue(), Timeframe.M5, reader, fromTime, toTime);
        if (oneMinuteFiles.containsKey(symbol)) {
          one =
              Optional.of(
                  BacktestInputs.read(
                          symbol,
                          oneMinuteFiles.get(symbol),
                          Timeframe.M1,
                          reader,
                          fromTime,
                          toTime)
                      .bars());
        }
      } catch (MarketDataException failed) {
        // one bad file (strict: a bad row, a gap, a price outlier) costs only its own symbol
        SymbolFailure f = new SymbolFailure(symbol, failed.getMessage());
        readFailures.add(f);
        String line = "error: " + symbol + ": not replayed: " + failed.getMessage();
        print.accept(line);
        notes.add(line);
        continue;
      }
      BarArrays bars = five.bars();
      ResolvedSpec resolved = specSource.resolve(symbol, bars);
      ContractSpec contract = resolved.spec();
      resolvedSpecs.put(symbol, resolved);
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
      print.accept(line);
      notes.add(line);
      String specLine = symbol + " spec: " + resolved.describe();
      print.accept(specLine);
      notes.add(specLine);
    }
    if (inputs.isEmpty()) {
      throw new MarketDataException(
          "no symbol could be read: "
              + readFailures.stream().map(f -> f.symbol() + ": " + f.message()).toList());
    }
    for (String symbol : oneMinuteFiles.keySet()) {
      if (!fiveMinuteFiles.containsKey(symbol)) {
        print.accept("note: --one-minute files of " + symbol + " ignored: no 5m data for it");
      }
    }
    if (!skipped.isEmpty()) {
      print.accept(
          "note: skipped "
              + skipped.size()
              + " file(s) of other timeframes in --data, e.g. "
              + skipped.get(0));
    }
    String specNote =
        request.specs().isEmpty()
            ? "contract specs: "
                + specSource.bundled().map(b -> b.label() + " where listed, else ").orElse("")
                + "inferred from the candles (linear, 1 base unit per contract, tick = finest"
                + " price step seen, lot = largest power of ten worth <= 1 USDT); pass --specs for"
                + " the venue's exact sizing"
            : "contract specs: from " + request.specs().get();
    print.accept(specNote);
    notes.add(specNote);

    BacktestConfig bt = cfg.backtest();
    BrokerModels models = bt.models(sizing.fees());
    Optional<HistoricalFundingModel> history = Optional.empty();
    if (!request.funding().isEmpty()) {
      history =
          Optional.of(
              loadFunding(
                  request.funding(),
                  candles.keySet(),
                  bt.fundingRate(),
                  bt.fundingSchedule(),
                  print,
                  notes));
      models = models.withFunding(history.get());
    } else {
      String n =
          String.format(
              Locale.ROOT,
              "funding: constant %s per %s settlement (no --funding)",
              plain(bt.fundingRate()),
              interval(bt));
      print.accept(n);
      notes.add(n);
    }
    String configLine =
        "config: "
            + request
                .configFile()
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
      print.accept(line);
      notes.add(line);
    }

    BacktestSettings settings =
        new BacktestSettings(
            new StrategyEngineSignalSource(cfg.strategy()),
            models,
            sizing,
            bt.applyGuards() ? Optional.of(limits) : Optional.empty(),
            cfg.risk().accountEquityUsd(),
            request.threads());
    Path out = request.out();
    BacktestResult result;
    long runId;
    List<Path> written = new ArrayList<>();
    // the run writes into a locked staging folder that replaces the output only when complete
    try (OutputFolder folder =
        OutputFolder.open(out, RunInfo.start(request.description(), Clock.systemUTC()))) {
      Path journalFile = folder.carryOver("journal.sqlite");
      try (SqliteJournal journal = SqliteJournal.open(journalFile, request.description())) {
        runId = journal.runId();
        result =
            withFailures(new BacktestEngine(settings).run(inputs, journal, progress), readFailures);
      }
      print.accept(
          String.format(
              Locale.ROOT,
              "writing the exports and the report (%d trade(s)) ...",
              result.trades().size()));
      List<Path> staged =
          writeOutputs(folder, journalFile, runId, result, candles, notes, reportProgress);
      folder.commit();
      staged.forEach(f -> written.add(out.resolve(f.getFileName())));
    }
    long fundingFallbacks = history.map(HistoricalFundingModel::fallbackCount).orElse(0L);
    return new BacktestRun(result, resolvedSpecs, runId, written, fundingFallbacks);
  }

  /** Returns the result with the symbols that could not be read listed first among its failures. */
  private static BacktestResult withFailures(BacktestResult result, List<SymbolFailure> read) {
    if (read.isEmpty()) {
      return result;
    }
    List<SymbolFailure> all = new ArrayList<>(read);
    all.addAll(result.failures());
    return new BacktestResult(
        result.trades(),
        result.signals(),
        result.cancellations(),
        all,
        result.from(),
        result.to(),
        result.bars());
  }

  /**
   * Writes the journal's exports and the report into the staging folder beside the journal (the one
   * place the output folder is written after the replay).
   */
  private static List<Path> writeOutputs(
      OutputFolder folder,
      Path journalFile,
      long runId,
      BacktestResult result,
      Map<String, BarArrays> candles,
      List<String> notes,
      ReportProgress report)
      throws IOException {
    List<Path> staged = new ArrayList<>();
    staged.add(journalFile);
    staged.addAll(folder.writeAll(d -> JournalExporter.exportCsv(journalFile, runId, d)));
    staged.add(
        folder.write("journal.xlsx", f -> JournalExporter.exportXlsx(journalFile, runId, f)));
    BacktestReport content =
        new BacktestReport(
                "smc4j backtest: " + String.join(", ", candles.keySet()), result, candles, notes)
            .withRun(folder.run());
    staged.add(
        folder.write("report.html", f -> HtmlReportWriter.DEFAULT.write(f, content, report)));
    return staged;
  }

  /** Finds the candle files of an option; a missing input or any failure is a usage error. */
  private static CandleFiles discover(String option, List<Path> inputs, Timeframe timeframe) {
    CandleFiles found;
    try {
      found = CandleFileDiscovery.discover(inputs, timeframe);
    } catch (MarketDataException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
    if (found.firstFailure().isPresent()) {
      throw new IllegalArgumentException(option + ": " + found.firstFailure().get());
    }
    return found;
  }

  /**
   * Returns a record's components from its text form: {@code Name[a=1, b=2]} gives {@code a=1,
   * b=2}.
   */
  public static String parameters(String record) {
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

  private static HistoricalFundingModel loadFunding(
      List<Path> funding,
      Set<String> traded,
      double fallbackRate,
      FundingSchedule schedule,
      Consumer<String> print,
      List<String> notes) {
    Map<String, Map<Long, Double>> histories = new TreeMap<>();
    for (Path f : CandleFileDiscovery.expand(funding)) {
      String symbol = CandleFileDiscovery.symbolOf(f);
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
        print.accept(n);
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
        print.accept(n);
        notes.add(n);
      }
    }
    return HistoricalFundingModel.of(histories, schedule, new ConstantFundingModel(fallbackRate));
  }
}
