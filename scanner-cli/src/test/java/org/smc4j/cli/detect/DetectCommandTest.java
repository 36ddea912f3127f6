package org.smc4j.cli.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.app.config.ConfigLoader;
import org.smc4j.app.config.Smc4jConfig;
import org.smc4j.app.detect.EventCsvWriter;
import org.smc4j.cli.Smc4jMain;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.engine.EntrySignal;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEngine;
import org.smc4j.core.engine.StrategyEvent;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.engine.StrategyRun;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CandleFileDiscovery;
import picocli.CommandLine;

class DetectCommandTest {

  private static final String STAMPS =
      "origin_index,origin_time,known_at_index,known_at_time,known_at_5m_index";

  @TempDir Path dir;

  /** Exit code and captured output of one run. */
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Smc4jMain.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Map<StrategyEventKind, Integer> countByKind(List<StrategyEvent> events) {
    Map<StrategyEventKind, Integer> counts = new EnumMap<>(StrategyEventKind.class);
    for (StrategyEventKind k : StrategyEventKind.values()) {
      counts.put(k, 0);
    }
    for (StrategyEvent e : events) {
      counts.merge(StrategyEventKind.of(e), 1, Integer::sum);
    }
    return counts;
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file);
  }

  private static String[] cells(String line) {
    return line.split(",", -1);
  }

  private static int column(List<String> csv, String name) {
    List<String> header = List.of(cells(csv.get(0)));
    int i = header.indexOf(name);
    assertThat(i).as("column %s in %s", name, header).isNotNegative();
    return i;
  }

  @Test
  void shouldWriteOneCsvPerKindWhoseRowsAreTheEngineEventsOnSixMonthsOfBtcusdt()
      throws IOException {
    Path data = SharedData.requireData("binance-usdm/BTCUSDT/5m");
    Path out = dir.resolve("out");

    Run r = run("detect", data.toString(), "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    BarArrays bars = CandleCsvReader.LENIENT.read(CandleFileDiscovery.expand(List.of(data))).bars();
    // Binance BTCUSDT prices have one decimal after dropping the files' trailing zero.
    StrategyRun engine = StrategyEngine.run(bars, StrategyConfig.DEFAULT, 0.1);
    Map<StrategyEventKind, Integer> expected = countByKind(engine.events());
    Path symbolDir = out.resolve("BTCUSDT");
    for (StrategyEventKind kind : StrategyEventKind.values()) {
      Path f = symbolDir.resolve(kind.name().toLowerCase(Locale.ROOT) + ".csv");
      assertThat(f).exists();
      List<String> csv = lines(f);
      assertThat(csv.get(0)).startsWith(STAMPS + ",");
      assertThat(csv).as("rows of %s", f.getFileName()).hasSize(expected.get(kind) + 1);
      int width = cells(csv.get(0)).length;
      assertThat(csv).allSatisfy(line -> assertThat(cells(line)).hasSize(width));
    }
    // Real data over six months has every kind of event.
    assertThat(expected.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(r.out())
        .contains(
            "== BTCUSDT: 6 files, 52128 rows read, 52128 5m bars (2025-01-01T00:00:00Z .."
                + " 2025-06-30T23:55:00Z), gaps 0 (0 missing bars), dropped rows 0, zero-volume"
                + " bars 2")
        .contains("15m context: derived from 5m, 17376 bars")
        .contains("tick size 0.1 (inferred from the price decimals)")
        .contains("entry_signal " + expected.get(StrategyEventKind.ENTRY_SIGNAL) + " (long ")
        .contains("swing_15m " + expected.get(StrategyEventKind.SWING_15M) + ",")
        .contains("== summary: 1 symbol, 0 failed; 52128 5m bars;")
        .containsPattern("time: read \\d+ ms, engine \\d+ ms \\(\\d+ ns per 5m bar\\), write");

    List<String> signals = lines(symbolDir.resolve("entry_signal.csv"));
    assertThat(signals.get(0))
        .isEqualTo(
            STAMPS
                + ",signal_id,side,trigger,order_type,entry,stop,target,second_target,risk,score"
                + ",score_decisive_break,score_poi_has_fvg,score_golden_pocket"
                + ",score_structure_retest,score_displacement,poi_id,poi_bottom,poi_top,leg_id"
                + ",tap_index,tap_time,trigger_level,trigger_origin_index,atr");
    EntrySignal first = engine.signals().get(0);
    String[] row = cells(signals.get(1));
    assertThat(row[0]).isEqualTo(Integer.toString(first.tapIndex()));
    assertThat(row[1]).isEqualTo(Instant.ofEpochMilli(first.tapTimeMillis()).toString());
    assertThat(row[2]).isEqualTo(Integer.toString(first.signalIndex()));
    assertThat(row[3]).isEqualTo(Instant.ofEpochMilli(first.knownAtTimeMillis()).toString());
    assertThat(row[5]).isEqualTo(first.id());
    assertThat(row[6]).isEqualTo(first.side().name());
    assertThat(Double.parseDouble(row[9])).isEqualTo(first.entry());
    assertThat(Double.parseDouble(row[10])).isEqualTo(first.stop());
    assertThat(Double.parseDouble(row[11])).isEqualTo(first.target());
    assertThat(Integer.parseInt(row[14])).isEqualTo(first.score().total());
    // The known-at time is the close of the signal bar: its open plus 5 minutes.
    assertThat(Instant.parse(row[3]))
        .isEqualTo(Instant.ofEpochMilli(first.signalTimeMillis()).plusSeconds(300));
  }

  @Test
  void shouldUseSuppliedContextPerSymbolAndWriteOneFolderPerSymbol() throws IOException {
    Path btc = SharedData.requireData("bybit-linear/BTCUSDT");
    Path eth = SharedData.requireData("bybit-linear/ETHUSDT");
    Path out = dir.resolve("out");

    Run r =
        run(
            "detect",
            btc.resolve("5m").toString(),
            eth.resolve("5m").toString(),
            "--context",
            btc.resolve("15m").toString(),
            eth.resolve("15m").toString(),
            "--tick-size",
            "0.01",
            "--out",
            out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    for (Path symbol : List.of(btc, eth)) {
      String name = symbol.getFileName().toString();
      BarArrays five =
          CandleCsvReader.LENIENT
              .read(CandleFileDiscovery.expand(List.of(symbol.resolve("5m"))))
              .bars();
      BarArrays fifteen =
          CandleCsvReader.LENIENT
              .read(CandleFileDiscovery.expand(List.of(symbol.resolve("15m"))))
              .bars();
      StrategyRun engine = StrategyEngine.run(five, fifteen, StrategyConfig.DEFAULT, 0.01);
      Map<StrategyEventKind, Integer> expected = countByKind(engine.events());
      for (StrategyEventKind kind : StrategyEventKind.values()) {
        Path f = out.resolve(name).resolve(EventCsvWriter.fileName(kind));
        assertThat(lines(f)).as("%s %s", name, kind).hasSize(expected.get(kind) + 1);
      }
      // The last 15m candle opens at 17:00 and closes at 17:15, after the last 5m close (17:05):
      // it is never visible, so 8,639 of the 8,640 are applied.
      assertThat(engine.contextBarCount()).isEqualTo(8639);
    }
    assertThat(r.out())
        .contains("== BTCUSDT: 1 file, 25920 rows read")
        .contains("== ETHUSDT: 1 file, 25920 rows read")
        .contains("15m context: supplied, 1 file, 8640 bars, 8639 applied")
        .contains("tick size 0.01 (given)")
        .contains("== summary: 2 symbols, 0 failed; 51840 5m bars;");
  }

  @Test
  void shouldPassStrategyOptionsToTheEngine() throws IOException {
    Path data = SharedData.requireData("bybit-linear/SOLUSDT/5m");
    Path out = dir.resolve("out");

    Run r = run("detect", data.toString(), "--rr", "3", "--second-target", "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> csv = lines(out.resolve("SOLUSDT").resolve("entry_signal.csv"));
    assertThat(csv).hasSizeGreaterThan(10);
    int entry = column(csv, "entry");
    int stop = column(csv, "stop");
    int target = column(csv, "target");
    int second = column(csv, "second_target");
    int side = column(csv, "side");
    boolean sawSecond = false;
    for (String line : csv.subList(1, csv.size())) {
      String[] c = cells(line);
      double e = Double.parseDouble(c[entry]);
      double s = Double.parseDouble(c[stop]);
      assertThat(Double.parseDouble(c[target])).isCloseTo(e + 3 * (e - s), within(1e-9 * e));
      if (!c[second].isEmpty()) {
        sawSecond = true;
        double beyond = (c[side].equals("LONG") ? 1 : -1) * (Double.parseDouble(c[second]) - e);
        assertThat(beyond).isPositive();
      }
    }
    assertThat(sawSecond).as("some signal has a second target").isTrue();
  }

  @Test
  void shouldTakeTheStrategyFromTheConfigFileWithOptionsOverridingIt() throws IOException {
    Path data = SharedData.requireData("bybit-linear/SOLUSDT/5m");
    Path config = dir.resolve("smc4j.yaml");
    Files.writeString(config, "strategy:\n  target: {reward-risk: 3, second-target: true}\n");
    Path out = dir.resolve("out");

    // the file's reward-risk reaches the engine; --no-second-target overrides the file's true
    Run r =
        run(
            "detect",
            data.toString(),
            "--config",
            config.toString(),
            "--no-second-target",
            "--out",
            out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("config: " + config);
    List<String> csv = lines(out.resolve("SOLUSDT").resolve("entry_signal.csv"));
    assertThat(csv).hasSizeGreaterThan(10);
    int entry = column(csv, "entry");
    int stop = column(csv, "stop");
    int target = column(csv, "target");
    int second = column(csv, "second_target");
    for (String line : csv.subList(1, csv.size())) {
      String[] c = cells(line);
      double e = Double.parseDouble(c[entry]);
      double s = Double.parseDouble(c[stop]);
      assertThat(Double.parseDouble(c[target])).isCloseTo(e + 3 * (e - s), within(1e-9 * e));
      assertThat(c[second]).as("no second target").isEmpty();
    }
  }

  @Test
  void shouldPrintTheEffectiveConfigOfFileAndOptionsWithoutInputs() throws IOException {
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config, "strategy:\n  target: {reward-risk: 3, second-target: true}\n  atr-period: 10\n");

    Run r = run("detect", "--print-config", "--config", config.toString(), "--rr", "2.5");

    assertThat(r.exit()).as(r.err()).isZero();
    Smc4jConfig printed = ConfigLoader.parse(r.out(), "printed");
    assertThat(printed.strategy())
        .isEqualTo(
            StrategyConfig.builder().rewardRisk(2.5).secondTarget(true).atrPeriod(10).build());
    assertThat(printed.withStrategy(StrategyConfig.DEFAULT)).isEqualTo(Smc4jConfig.DEFAULT);
  }

  @Test
  void shouldRejectABadConfigFileNamingFileAndKeyAndExitTwo() throws IOException {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "strategy:\n  fib: {golden: 0.4}\n");
    Run bad = run("detect", dir.toString(), "--config", config.toString(), "--out", dir.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .contains(
            "error: "
                + config
                + ": strategy.fib.golden: must be > strategy.fib.zone-start (0.5) and < 1, was"
                + " 0.4");

    // a typo in a section detect does not use is an error all the same
    Files.writeString(config, "alerts:\n  telegram: {enabeld: true}\n");
    Run typo = run("detect", "--print-config", "--config", config.toString());
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains(config + ": alerts.telegram.enabeld: unknown key");

    Run missing = run("detect", "--print-config", "--config", dir.resolve("no.yaml").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("config file " + dir.resolve("no.yaml") + " does not exist");
  }

  @Test
  void shouldRejectABadStrategyParameterWithTheConfigsMessageAndExitTwo() {
    Run r = run("detect", dir.toString(), "--swing15-left", "0", "--out", dir.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("error: invalid strategy parameter: --swing15-left must be >= 1, was 0");

    Run fib = run("detect", dir.toString(), "--fib-golden", "0.4", "--out", dir.toString());
    assertThat(fib.exit()).isEqualTo(2);
    assertThat(fib.err())
        .contains("--fib-golden must be > --fib-zone-start (0.5) and < 1, was 0.4");

    Run tick = run("detect", dir.toString(), "--tick-size", "-1", "--out", dir.toString());
    assertThat(tick.exit()).isEqualTo(2);
    assertThat(tick.err()).contains("--tick-size must be > 0 and finite, was -1.0");

    Run notANumber = run("detect", dir.toString(), "--rr", "two", "--out", dir.toString());
    assertThat(notANumber.exit()).isEqualTo(2);
    assertThat(notANumber.err()).contains("--rr");

    assertThat(run("detect", dir.toString()).exit()).as("--out is required").isEqualTo(2);
    assertThat(run("detect", "--out", dir.toString()).exit()).as("inputs").isEqualTo(2);
  }

  @Test
  void shouldExitOneNamingAMissingInput() {
    Path missing = dir.resolve("nope").resolve("BTCUSDT_5m.csv");

    Run r = run("detect", missing.toString(), "--out", dir.resolve("out").toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no such file or directory: " + missing);
  }

  @Test
  void shouldFailOnlyTheSymbolWhoseInputIsNotFiveMinuteCandles() throws IOException {
    Path fifteen = SharedData.requireData("bybit-linear/XRPUSDT/15m/XRPUSDT_15m.csv");
    Path five = SharedData.requireData("bybit-linear/DOGEUSDT/5m/DOGEUSDT_5m.csv");
    Path out = dir.resolve("out");

    Run r = run("detect", fifteen.toString(), five.toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("failed: XRPUSDT: " + fifteen + " holds 15m candles, expected 5m");
    assertThat(r.out()).contains("== DOGEUSDT: 1 file, 8640 rows read");
    assertThat(r.out()).contains("== summary: 2 symbols, 1 failed; 8640 5m bars;");
    assertThat(out.resolve("DOGEUSDT").resolve("entry_signal.csv")).exists();
    assertThat(out.resolve("XRPUSDT")).doesNotExist();
  }

  @Test
  void shouldSkipTheOtherTimeframesOfAWalkedFolderWithANote() {
    // DOGEUSDT has 1m, 5m and 15m files: all are "DOGEUSDT", only the 5m one is a 5m input. As in
    // backtest and scan --replay (one discovery rule), the others are skipped and named.
    Path doge = SharedData.requireData("bybit-linear/DOGEUSDT");

    Run r = run("detect", doge.toString(), "--out", dir.resolve("out").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("note: skipped " + doge.resolve("15m").resolve("DOGEUSDT_15m.csv"))
        .contains("note: skipped " + doge.resolve("1m").resolve("DOGEUSDT_1m.csv"))
        .contains("== DOGEUSDT: 1 file, 8640 rows read");
    assertThat(dir.resolve("out").resolve("DOGEUSDT").resolve("entry_signal.csv")).exists();
  }

  @Test
  void shouldRefuseOneSymbolFromTwoFoldersAsOneSeries() {
    Path binance = SharedData.requireData("binance-usdm/BTCUSDT/5m");
    Path bybit = SharedData.requireData("bybit-linear/BTCUSDT/5m");
    Path doge = SharedData.requireData("bybit-linear/DOGEUSDT/5m");

    Run r =
        run(
            "detect",
            binance.toString(),
            bybit.toString(),
            doge.toString(),
            "--out",
            dir.resolve("out").toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("failed: BTCUSDT: 5m files of this symbol lie in 2 folders [")
        .contains("; one series comes from one folder");
    assertThat(r.out()).contains("== DOGEUSDT: 1 file, 8640 rows read");
    assertThat(dir.resolve("out").resolve("BTCUSDT")).doesNotExist();
  }

  @Test
  void shouldFailASymbolWithoutContextWhenContextIsGiven() {
    Path five = SharedData.requireData("bybit-linear/DOGEUSDT/5m");
    Path otherContext = SharedData.requireData("bybit-linear/XRPUSDT/15m");

    Run r =
        run(
            "detect",
            five.toString(),
            "--context",
            otherContext.toString(),
            "--out",
            dir.resolve("out").toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("warning: context file(s) ")
        .contains("(XRPUSDT) have no 5m input; ignored")
        .contains("failed: DOGEUSDT: --context was given but holds no 15m file of this symbol");
  }

  @Test
  void shouldReportADroppedRowLenientlyAndFailTheSymbolWithStrict() throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
    Instant t = Instant.parse("2025-04-03T17:05:00Z");
    for (int i = 0; i < 40; i++) {
      String time = t.plusSeconds(300L * i).toString().replace("T", " ").replace("Z", "+00:00");
      // Row 11 (line 12) has its high below its low.
      String high = i == 10 ? "99" : Double.toString(101 + i % 7);
      csv.append(time).append(",100,").append(high).append(",99.5,100,1.5\n");
    }
    Path file = dir.resolve("in").resolve("TESTUSDT_5m.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv.toString());

    Run lenient = run("detect", file.toString(), "--out", dir.resolve("a").toString());
    assertThat(lenient.exit()).as(lenient.err()).isZero();
    assertThat(lenient.out())
        .contains("== TESTUSDT: 1 file, 40 rows read, 39 5m bars")
        .contains("gaps 1 (1 missing bars), dropped rows 1");

    Run strict = run("detect", file.toString(), "--strict", "--out", dir.resolve("b").toString());
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err()).contains("failed: TESTUSDT: ").contains("TESTUSDT_5m.csv:12");
  }

  @Test
  void shouldShowTheDefaultsInHelp() {
    Run r = run("detect", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .containsPattern("--swing15-left=N\\s+15m swing lookback to the left, L \\(default: 3\\)")
        .containsPattern("--swing5-right=N[^\\n]*\\(default: 2\\)")
        .containsPattern("--min-break-atr=X[^\\n]*\\n?[^\\n]*\\(default: 0\\.1\\)")
        .containsPattern("--rr=X[^(]*\\(default: 2\\.0\\)")
        .containsPattern("--poi-max-age-bars=N[^(]*\\(default: 48\\)")
        .contains("--context")
        .contains("--tick-size");
  }
}
