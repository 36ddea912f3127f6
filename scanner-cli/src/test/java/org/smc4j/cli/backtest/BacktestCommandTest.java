package org.smc4j.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.backtest.journal.Journal;
import org.smc4j.backtest.metrics.MetricsCalculator;
import org.smc4j.backtest.metrics.PerformanceMetrics;
import org.smc4j.backtest.replay.BacktestEngine;
import org.smc4j.backtest.replay.BacktestResult;
import org.smc4j.backtest.replay.BacktestSettings;
import org.smc4j.backtest.replay.InferredContractSpec;
import org.smc4j.backtest.replay.ProgressListener;
import org.smc4j.backtest.replay.SymbolInput;
import org.smc4j.cli.ExitCodes;
import org.smc4j.cli.Smc4jMain;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
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
        new BacktestEngine(BacktestSettings.defaults(StrategyConfig.DEFAULT))
            .run(
                List.of(
                    new SymbolInput(
                        "BTCUSDT", b, Optional.empty(), InferredContractSpec.from("BTCUSDT", b)),
                    new SymbolInput(
                        "SOLUSDT", s, Optional.empty(), InferredContractSpec.from("SOLUSDT", s))),
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
    assertThat(html).contains("<img class=\"trade\"").doesNotContain("https://");
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
        .contains("contract specs: inferred from the candles")
        .contains("funding: constant 0.0001 per 8 h settlement (no --funding)")
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
        cfg, "# wider target\nstrategy:\n  rewardRisk: 3\nbacktest:\n  riskUsd: 2 # dollars\n");
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
        .contains("strategy: swing15Left=3, swing15Right=3,")
        .contains(", rewardRisk=3.0,")
        .contains(
            "risk 2 USDT per trade, leverage 10; fees maker 0.0002, taker 0.0005;"
                + " slippage ticks=1")
        .doesNotContain("SOLUSDT");
    assertThat(summaryRow(r.out(), "ALL")).isNotBlank();
    assertThat(r.err()).contains("progress: 100% 4,032/4,032 candles");
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("config: " + cfg);
  }

  @Test
  void shouldRejectAnUnknownConfigKeyNamingIt() throws IOException {
    Path cfg = shared.resolve("bad-key.properties");
    Files.writeString(cfg, "strategy.rr=2\n");
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
    assertThat(r.err()).contains(cfg + ": strategy.rr: unknown key");
  }

  @Test
  void shouldRejectABadConfigValueNamingTheKeyAndRule() throws IOException {
    Path cfg = shared.resolve("bad-value.yaml");
    Files.writeString(cfg, "strategy:\n  rewardRisk: -1\n");
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
        .contains(cfg + ": strategy.rewardRisk: rewardRisk must be > 0 and finite, was -1.0");
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
    assertThat(wrong.err()).contains("--one-minute: not 1m candles: ");
  }

  @Test
  void shouldListTheConfigKeysInHelp() {
    Run r = run("backtest", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("--one-minute")
        .contains("strategy.rewardRisk")
        .contains("backtest.takerFee")
        .contains("0.05 %");
  }
}
