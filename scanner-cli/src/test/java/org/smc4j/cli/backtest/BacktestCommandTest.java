package org.smc4j.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.output.OutputFolder;
import org.smc4j.backtest.output.RunInfo;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.backtest.slippage.PercentSlippageModel;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.Smc4jMain;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.signal.Side;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.spec.ContractSpecSource;
import org.smc4j.risk.RefusalReason;
import org.smc4j.risk.guard.Guard;
import org.smc4j.risk.guard.GuardLimits;
import org.smc4j.risk.guard.GuardRefusal;
import org.smc4j.trading.decision.SkipReason;
import org.smc4j.trading.journal.Journal;
import org.smc4j.trading.journal.SignalRecord;
import org.smc4j.trading.journal.SignalStatus;
import org.smc4j.trading.order.EntryKind;
import org.smc4j.trading.order.Trade;
import picocli.CommandLine;

class BacktestCommandTest {

  @TempDir static Path shared;

  private static Path btc;
  private static Path sol;
  private static Path outDir;
  private static Run january;
  private static BacktestResult engine;

  /** Exit code and captured output of one run. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Smc4jMain.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path month(String symbol, String month) {
    return SharedData.requireData(
        "binance-usdm/" + symbol + "/5m/" + symbol + "-5m-2025-" + month + ".csv");
  }

  @BeforeAll
  static void backtestBtcAndSolInJanuary() {
    btc = month("BTCUSDT", "01");
    sol = month("SOLUSDT", "01");
    outDir = shared.resolve("jan");
    january =
        run(
            "backtest",
            "--data",
            btc.toString(),
            sol.toString(),
            "--out",
            outDir.toString(),
            "--no-progress");
    BarArrays b = CandleCsvReader.STRICT.read(btc).bars();
    BarArrays s = CandleCsvReader.STRICT.read(sol).bars();
    engine =
        // the command applies the default portfolio guards (risk.guards) unless told not to
        new BacktestEngine(
                BacktestSettings.defaults(StrategyConfig.DEFAULT)
                    .withGuards(Optional.of(GuardLimits.DEFAULT)))
            .run(
                List.of(
                    new SymbolInput(
                        "BTCUSDT",
                        b,
                        Optional.empty(),
                        ContractSpecSource.offlineDefault().resolve("BTCUSDT", b).spec()),
                    new SymbolInput(
                        "SOLUSDT",
                        s,
                        Optional.empty(),
                        ContractSpecSource.offlineDefault().resolve("SOLUSDT", s).spec())),
                Journal.NONE,
                ProgressListener.NONE);
  }

  static String summaryRow(String out, String scope) {
    return out.lines()
        .filter(l -> l.startsWith(String.format(Locale.ROOT, "%-14s ", scope)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no summary row for " + scope + " in\n" + out));
  }

  @Test
  void shouldWriteJournalExportsAndReport() throws IOException {
    assertThat(january.exit()).as(january.err()).isEqualTo(ExitCodes.OK);
    for (String f :
        List.of(
            "journal.sqlite",
            "signals.csv",
            "trades.csv",
            "cancellations.csv",
            "journal.xlsx",
            "report.html")) {
      assertThat(outDir.resolve(f)).isNotEmptyFile();
    }
    // header + one row per trade
    List<String> trades = Files.readAllLines(outDir.resolve("trades.csv"), StandardCharsets.UTF_8);
    assertThat(trades).hasSize(engine.trades().size() + 1);
    String html = Files.readString(outDir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("id=\"chart-BTCUSDT\"", "id=\"chart-SOLUSDT\"", "id=\"trades\"");
    // the report and RUN.txt name the run and its command line
    RunInfo run = RunInfo.parse(Files.readString(outDir.resolve(OutputFolder.RUN_FILE)));
    assertThat(run.commandLine()).startsWith("smc4j backtest --data ").endsWith(" --no-progress");
    assertThat(html).contains("Run <b>" + run.id() + "</b>");
  }

  @Test
  void shouldRefuseToWriteAnOutputFolderAnotherRunHolds() throws IOException {
    Path out = shared.resolve("busy");
    RunInfo other = RunInfo.start("smc4j backtest --out busy (the other run)", Clock.systemUTC());
    try (OutputFolder held = OutputFolder.open(out, other)) {
      Run r = run("backtest", "--data", btc.toString(), "--out", out.toString(), "--no-progress");
      assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
      assertThat(r.err())
          .contains("output folder " + out + " is in use by run " + other.id())
          .contains("(the other run)");
      assertThat(held.run()).isEqualTo(other);
    }
    assertThat(out).doesNotExist();
  }

  @Test
  void shouldPrintTheEngineSummaryPerSymbolAndTotal() {
    Map<String, PerformanceMetrics> metrics =
        MetricsCalculator.bySymbolAndTotal(engine.trades(), engine.from(), engine.to());
    assertThat(metrics).containsKeys("BTCUSDT", "SOLUSDT", "ALL");
    for (PerformanceMetrics m : metrics.values()) {
      String row = summaryRow(january.out(), m.scope());
      String[] cells = row.trim().split("\\s+");
      assertThat(cells[1]).isEqualTo(Integer.toString(m.trades()));
      assertThat(cells[2]).isEqualTo(Integer.toString(m.wins()));
      assertThat(cells[5]).isEqualTo(String.format(Locale.ROOT, "%.4f", m.netPnl()));
      assertThat(cells[6]).isEqualTo(String.format(Locale.ROOT, "%.4f", m.optimisticNetPnl()));
      assertThat(cells[11]).isEqualTo(String.format(Locale.ROOT, "%.4f", m.fees()));
    }
    assertThat(january.out())
        .contains("BTCUSDT: 8,928 5m candles 2025-01-01T00:00:00Z .. 2025-01-31T23:55:00Z")
        .contains(
            "contract specs: the OKX specs shipped with smc4j, 2 USDT swaps as of 2025-10-24 where"
                + " listed, else inferred from the candles")
        .contains("BTCUSDT spec: tick 0.1, 0.01 BTC per contract, lot 0.01 from the OKX specs")
        .contains("funding: constant 0.0001 per 8h settlement (no --funding)")
        .contains("config: built-in defaults (no --config, no smc4j.yaml)")
        .contains(
            "guards: max daily loss 5 USDT, max 4 losing trades a day, max 3 open trades, max open"
                + " risk 3.3 USDT, day start 00:00 UTC, equity 1000 USDT")
        .contains(
            String.format(
                Locale.ROOT, "%,d candles, %d signal(s)", engine.bars(), engine.signals().size()));
  }

  @Test
  void shouldCutToTheRequestedPeriodAndSymbolsAndUseFundingAndConfig() throws IOException {
    Path dir = month("BTCUSDT", "02").getParent();
    Path funding = SharedData.requireData("binance-usdm-funding");
    Path cfg = shared.resolve("cfg.yaml");
    Files.writeString(
        cfg,
        "# wider target\nstrategy:\n  target: {reward-risk: 3}\nrisk:\n  risk-usd: 2 # dollars\n"
            + "backtest:\n  limit-expiry: 6h\n");
    Path out = shared.resolve("feb");
    Run r =
        run(
            "backtest",
            "--data",
            dir.toString(),
            "--symbols",
            "btcusdt",
            "--from",
            "2025-02-01",
            "--to",
            "2025-02-15",
            "--funding",
            funding.toString(),
            "--config",
            cfg.toString(),
            "--out",
            out.toString(),
            "--threads",
            "1");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    // 14 days of 5m candles
    assertThat(r.out())
        .contains("BTCUSDT: 4,032 5m candles 2025-02-01T00:00:00Z .. 2025-02-14T23:55:00Z from 6")
        .contains("funding BTCUSDT: 3,612 settlements")
        .contains("strategy: swing.15m.left=3, swing.15m.right=3,")
        .contains(", target.reward-risk=3.0,")
        .contains(
            "risk 2 USDT per trade, leverage 10; fees maker 0.0002, taker 0.0005;"
                + " slippage ticks=1; limit entries expire after 6h")
        .doesNotContain("SOLUSDT");
    assertThat(summaryRow(r.out(), "ALL")).isNotBlank();
    assertThat(r.err()).contains("progress: 100% 4,032/4,032 candles");
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("config: " + cfg);
  }

  @Test
  void shouldRejectAnUnknownConfigKeyNamingIt() throws IOException {
    Path cfg = shared.resolve("bad-key.yaml");
    Files.writeString(cfg, "strategy:\n  rr: 2\n");
    Run r =
        run(
            "backtest",
            "--data",
            btc.toString(),
            "--config",
            cfg.toString(),
            "--out",
            shared.resolve("x").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("error: " + cfg + ": strategy.rr: unknown key (known here: [");
  }

  @Test
  void shouldRejectABadConfigValueNamingTheKeyAndRule() throws IOException {
    Path cfg = shared.resolve("bad-value.yaml");
    Files.writeString(cfg, "strategy:\n  target:\n    reward-risk: 0\n");
    Run r =
        run(
            "backtest",
            "--data",
            btc.toString(),
            "--config",
            cfg.toString(),
            "--out",
            shared.resolve("y").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(
            "error: " + cfg + ": strategy.target.reward-risk: must be > 0 and finite, was 0.0");
  }

  @Test
  void shouldRejectASymbolWithoutData() {
    Run r =
        run(
            "backtest",
            "--data",
            btc.toString(),
            "--symbols",
            "XRPUSDT",
            "--out",
            shared.resolve("z").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--symbols: no 5m data for XRPUSDT in --data (found [BTCUSDT])");
  }

  @Test
  void shouldRejectAMissingDataPathAndAMissingOut() {
    Run missing =
        run(
            "backtest",
            "--data",
            shared.resolve("nope").toString(),
            "--out",
            shared.resolve("w").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("--data: no such file or directory: ");
    Run noOut = run("backtest", "--data", btc.toString());
    assertThat(noOut.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
  }

  @Test
  void shouldRejectAnEmptyPeriod() {
    Run r =
        run(
            "backtest",
            "--data",
            btc.toString(),
            "--from",
            "2025-03-01",
            "--out",
            shared.resolve("v").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("BTCUSDT: no 5m candles from 2025-03-01T00:00:00Z in 1 file(s)");
    Run reversed =
        run(
            "backtest",
            "--data",
            btc.toString(),
            "--from",
            "2025-01-10",
            "--to",
            "2025-01-05",
            "--out",
            shared.resolve("u").toString());
    assertThat(reversed.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(reversed.err())
        .contains("--to 2025-01-05T00:00:00Z must be after --from 2025-01-10T00:00:00Z");
    Run badDate =
        run(
            "backtest",
            "--data",
            btc.toString(),
            "--from",
            "2025-13-01",
            "--out",
            shared.resolve("s").toString());
    assertThat(badDate.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badDate.err())
        .contains("'2025-13-01' is not a date (2025-01-31) or UTC time (2025-01-31T12:00:00Z)");
  }

  @Test
  void shouldFailNamingFileAndLineOfABadRow() throws IOException {
    Path bad = shared.resolve("ETHUSDT-5m-bad.csv");
    Files.writeString(
        bad,
        "timestamp,open,high,low,close,volume\n"
            + "2025-01-01 00:00:00+00:00,100,101,99,100,1\n"
            + "2025-01-01 00:05:00+00:00,100,99,101,100,1\n");
    Run r = run("backtest", "--data", bad.toString(), "--out", shared.resolve("t").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains(bad.getFileName() + ":3: high: 99.0 < low 101.0");
  }

  @Test
  void shouldSizeWithTheContractSpecsOfASpecFile() throws IOException {
    Path specs = shared.resolve("specs.csv");
    // OKX's BTC-USDT-SWAP: 0.01 BTC per contract, tick 0.1, lot and minimum 0.01 contracts
    Files.writeString(
        specs,
        "instId,ctType,settleCcy,ctVal,ctValCcy,tickSz,lotSz,minSz,maxLmtSz,maxMktSz\n"
            + "BTC-USDT-SWAP,linear,USDT,0.01,BTC,0.1,0.01,0.01,100000000,12000\n");
    Path out = shared.resolve("specs-run");
    Run r =
        run(
            "backtest",
            "--data",
            btc.toString(),
            "--specs",
            specs.toString(),
            "--out",
            out.toString(),
            "--no-progress");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("contract specs: from " + specs)
        .contains("tick 0.1, contract 0.01 BTC, lot 0.01");
    // every trade is a whole number of 0.01-contract lots
    List<String> trades = Files.readAllLines(out.resolve("trades.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(trades.get(0).split(","));
    int contracts = header.indexOf("contracts");
    int multiplier = header.indexOf("contract_multiplier");
    assertThat(trades).hasSizeGreaterThan(1);
    for (String line : trades.subList(1, trades.size())) {
      String[] cells = line.split(",");
      double lots = Double.parseDouble(cells[contracts]) / 0.01;
      assertThat(lots).isCloseTo(Math.rint(lots), org.assertj.core.api.Assertions.within(1e-6));
      assertThat(Double.parseDouble(cells[multiplier])).isEqualTo(0.01);
    }

    Run missing =
        run(
            "backtest",
            "--data",
            sol.toString(),
            "--specs",
            specs.toString(),
            "--out",
            shared.resolve("specs-missing").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err())
        .contains("--specs " + specs + ": no contract for SOLUSDT (1 read, BTC-USDT-SWAP matches");
  }

  @Test
  void shouldUseOneMinuteCandlesOfTheSameSymbol() {
    Path dogeDir = SharedData.requireData("bybit-linear/DOGEUSDT");
    Path oneMinute = dogeDir.resolve("1m/DOGEUSDT_1m.csv");
    Run r =
        run(
            "backtest",
            "--data",
            dogeDir.toString(),
            "--one-minute",
            oneMinute.toString(),
            "--out",
            shared.resolve("doge").toString(),
            "--no-progress");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    // the folder's 1m and 15m files are not 5m candles: skipped, and said so
    assertThat(r.out())
        .contains("DOGEUSDT: 8,640 5m candles")
        .contains(", 43,200 1m candles;")
        .contains("note: skipped 2 file(s) of other timeframes in --data");

    Run wrong =
        run(
            "backtest",
            "--data",
            dogeDir.resolve("5m").toString(),
            "--one-minute",
            dogeDir.resolve("5m/DOGEUSDT_5m.csv").toString(),
            "--out",
            shared.resolve("doge-wrong").toString());
    assertThat(wrong.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(wrong.err())
        .contains("--one-minute: DOGEUSDT: ")
        .contains("DOGEUSDT_5m.csv holds 5m candles, expected 1m");
  }

  @Test
  void shouldApplyThePortfolioGuardsOfTheConfigAndJournalTheirRefusals() throws Exception {
    Path cfg = shared.resolve("one-at-a-time.yaml");
    Files.writeString(cfg, "risk:\n  guards:\n    max-concurrent-trades: 1\n");
    Path out = shared.resolve("guarded");
    Run r =
        run(
            "backtest",
            "--data",
            btc.toString(),
            sol.toString(),
            "--config",
            cfg.toString(),
            "--out",
            out.toString(),
            "--no-progress");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("max 1 open trades").containsPattern("skipped by reason:.* guard");

    List<String> guardReasons = new ArrayList<>();
    List<Instant[]> trades = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + out.resolve("journal.sqlite"));
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT reason FROM signals WHERE status = 'SKIPPED' ORDER BY signal_id")) {
        while (rs.next()) {
          if (rs.getString(1).startsWith("guard: ")) {
            guardReasons.add(rs.getString(1));
          }
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT entry_time, exit_time FROM trades")) {
        while (rs.next()) {
          trades.add(
              new Instant[] {Instant.parse(rs.getString(1)), Instant.parse(rs.getString(2))});
        }
      }
    }
    // BTC and SOL both signal in January: with one position at a time some signals are refused
    // (the default daily limits of 4 losing trades and 5 USDT loss refuse a few more: with trades
    // sized close to the 1 USDT risk, a fifth loss would cross the 5 USDT limit)
    assertThat(guardReasons)
        .filteredOn(reason -> reason.startsWith("guard: MAX_CONCURRENT_TRADES"))
        .isNotEmpty()
        .allSatisfy(
            reason ->
                assertThat(reason)
                    .isEqualTo(
                        "guard: MAX_CONCURRENT_TRADES 1 positions are open, the limit is 1"));
    assertThat(guardReasons)
        .allSatisfy(
            reason ->
                assertThat(reason)
                    .matches("guard: (MAX_CONCURRENT_TRADES|DAILY_LOSING_TRADES|DAILY_LOSS) .*"));
    // ... and no two trades are ever open together, across the two symbols
    trades.sort(Comparator.comparing((Instant[] t) -> t[0]));
    assertThat(trades).hasSizeGreaterThan(1);
    for (int i = 1; i < trades.size(); i++) {
      assertThat(trades.get(i)[0]).isAfterOrEqualTo(trades.get(i - 1)[1]);
    }
    // the default guards (3 at once) let trades of the two symbols overlap
    List<Trade> unguarded = new ArrayList<>(engine.trades());
    unguarded.sort(Comparator.comparing(Trade::entryTime));
    boolean overlap = false;
    for (int i = 1; i < unguarded.size(); i++) {
      overlap |= unguarded.get(i).entryTime().isBefore(unguarded.get(i - 1).exitTime());
    }
    assertThat(overlap).as("the guard had something to refuse").isTrue();
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    // the report's skip reasons count each guard on its own, as the journal rows say
    long concurrent =
        guardReasons.stream()
            .filter(reason -> reason.startsWith("guard: MAX_CONCURRENT_TRADES "))
            .count();
    assertThat(html)
        .contains("skipped: guard MAX_CONCURRENT_TRADES</td><td>" + concurrent + "</td>")
        .doesNotContain("skipped: guard</td>");
  }

  @Test
  void shouldTradeWithoutGuardsWhenToldSoAndCountSkipReasons() {
    Path out = shared.resolve("unguarded");
    Run r =
        run(
            "backtest",
            "--data",
            btc.toString(),
            "--no-guards",
            "--out",
            out.toString(),
            "--no-progress");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("guards: off (every signal the sizer accepts is traded)")
        .doesNotContain("skipped by reason: guard");
  }

  @Test
  void shouldPrintTheEffectiveConfigWithOptionsOverTheFile() throws IOException {
    Path cfg = shared.resolve("print.yaml");
    Files.writeString(
        cfg,
        "strategy: {target: {reward-risk: 3}}\nrisk: {risk-usd: 2}\n"
            + "backtest: {apply-guards: false, slippage: {fraction: 0.0002}}\n");
    // --print-config needs neither --data nor --out
    Run r =
        run("backtest", "--print-config", "--config", cfg.toString(), "--guards", "--rr", "2.5");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    Smc4jConfig printed = ConfigLoader.parse(r.out(), "printed");
    assertThat(printed.strategy()).isEqualTo(StrategyConfig.builder().rewardRisk(2.5).build());
    assertThat(printed.risk().sizing().riskUsd()).isEqualByComparingTo("2");
    assertThat(printed.backtest().applyGuards()).as("--guards over the file").isTrue();
    assertThat(printed.backtest().slippage()).isEqualTo(new PercentSlippageModel(0.0002));

    Run file = run("backtest", "--print-config", "--config", cfg.toString());
    assertThat(ConfigLoader.parse(file.out(), "printed").backtest().applyGuards()).isFalse();

    Run noData =
        run("backtest", "--config", cfg.toString(), "--out", shared.resolve("q").toString());
    assertThat(noData.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noData.err()).contains("Missing required option: '--data=FILE|DIR'");
  }

  @Test
  void shouldCountSkipReasonsByKindAndGuard() {
    List<SignalRecord> signals =
        List.of(
            skipped(1, guard(Guard.MAX_CONCURRENT_TRADES)),
            skipped(2, guard(Guard.DAILY_LOSS, Guard.MAX_OPEN_RISK)),
            skipped(3, guard(Guard.MAX_CONCURRENT_TRADES)),
            skipped(
                4,
                SkipReason.SizeRefused.of(RefusalReason.MIN_SIZE_OVER_TARGET, "0.0004 contracts")));
    assertThat(BacktestSummary.skipReasons(signals))
        .containsExactly(
            Map.entry("guard MAX_CONCURRENT_TRADES", 2),
            Map.entry("guard DAILY_LOSS+MAX_OPEN_RISK", 1),
            Map.entry("size refused (MIN_SIZE_OVER_TARGET)", 1));
  }

  private static SkipReason guard(Guard... guards) {
    return SkipReason.GuardRejected.of(
        Arrays.stream(guards).map(g -> new GuardRefusal(g, "limit reached")).toList());
  }

  private static SignalRecord skipped(long id, SkipReason reason) {
    return new SignalRecord(
        id,
        "BTCUSDT",
        Instant.parse("2025-01-02T00:00:00Z"),
        Side.LONG,
        EntryKind.MARKET_NEXT_OPEN,
        100,
        99,
        102,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        SignalStatus.SKIPPED,
        Optional.of(reason));
  }

  @Test
  void shouldRouteLog4jApiToSlf4j() {
    // poi (journal.xlsx) logs through log4j-api: without a provider it prints "could not find a
    // logging provider" on stderr; log4j-to-slf4j hands its events to logback like the rest
    assertThat(LogManager.getFactory().getClass().getName())
        .isEqualTo("org.apache.logging.slf4j.SLF4JLoggerContextFactory");
    assertThat(LogManager.getLogger("org.apache.poi").getClass().getName())
        .isEqualTo("org.apache.logging.slf4j.SLF4JLogger");
  }

  @Test
  void shouldDocumentTheConfigFilePrecedenceAndGuardsInHelp() {
    Run r = run("backtest", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("--one-minute")
        .contains("--[no-]guards")
        .contains("--rr=X")
        .contains("else ./smc4j.yaml when present")
        .contains("Precedence: an option given here > the config file > the built-in default.")
        .contains("Portfolio guards (risk.guards) are on by default")
        .contains("max $5 daily loss, 4 losing trades a day, 3 open trades, $3.3 open risk");
  }
}
