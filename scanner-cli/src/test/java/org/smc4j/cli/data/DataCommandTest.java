package org.smc4j.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.cli.Smc4jMain;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.marketdata.csv.CsvFormat;
import picocli.CommandLine;

class DataCommandTest {

  private static final String HEADER = "timestamp,open,high,low,close,volume\n";

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

  private Path write(String relative, String content) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content);
    return f;
  }

  private static String row(String time, String high, String low) {
    return time + ",100," + high + "," + low + ",100,1.5\n";
  }

  @Test
  void shouldCheckAllSharedDataWithoutGapsOrDuplicatesAndExactlyEightZeroVolumeBars() {
    Path data = SharedData.requireData("");
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = Smc4jMain.run("data", "check", data.toString());
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    String text = out.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    // 4 Binance symbols x 6 monthly files = 4 series; Bybit: 4 x (5m, 15m) + DOGE (1m, 5m, 15m).
    assertThat(text)
        .contains(
            "== summary: 15 series, 2 funding files, 0 unreadable files; 401472 rows; gaps 0 (0"
                + " missing bars), duplicates 0, out-of-order 0, OHLC violations 0, price outliers"
                + " 0, other dropped rows 0, zero-volume bars 8; funding problems 0, irregular funding intervals 0");
    assertThat(text.split("zero-volume bars 2: 2025-01-29T01:25:00Z, 2025-01-29T01:30:00Z", -1))
        .hasSize(5);
    assertThat(text)
        .contains(
            "6 files (BTCUSDT-5m-2025-01.csv .. BTCUSDT-5m-2025-06.csv), BINANCE_KLINE\n"
                + "   timeframe 5m, rows 52128, bars 52128, first 2025-01-01T00:00:00Z, last"
                + " 2025-06-30T23:55:00Z");
    assertThat(text).contains("BTC_USDT_USDT_funding.csv: rows 3612, settlements 3612");
    assertThat(text).contains("interval 8h throughout");
  }

  @Test
  void shouldPassStrictModeOnTheSharedData() {
    Path data = SharedData.requireData("bybit-linear/DOGEUSDT");

    Run r = run("data", "check", "--strict", data.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("== summary: 3 series,");
  }

  @Test
  void shouldReportABadRowButExitZeroInLenientMode() throws IOException {
    write(
        "x/BTCUSDT_5m.csv",
        HEADER
            + row("2025-04-03 17:05:00+00:00", "101", "99")
            + row("2025-04-03 17:10:00+00:00", "99.5", "100.1")
            + row("2025-04-03 17:15:00+00:00", "101", "99"));

    Run r = run("data", "check", dir.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("   dropped: BTCUSDT_5m.csv:3: high: 99.5 < low 100.1\n");
    assertThat(r.out()).contains("OHLC violations 1");
    // Dropping the row leaves a hole: reported, never filled.
    assertThat(r.out())
        .contains(
            "   gap: BTCUSDT_5m.csv:4: open_time: gap of 1 bar before this bar, from"
                + " 2025-04-03T17:10:00Z to 2025-04-03T17:10:00Z");
  }

  @Test
  void shouldListAHundredfoldWickInACopyOfARealFileAndFailStrictOnIt() throws IOException {
    Path real = SharedData.requireData("bybit-linear/ETHUSDT/5m/ETHUSDT_5m.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(real));
    // Line 2001 (2025-04-10T15:40Z): the high multiplied by 100.
    String[] cols = lines.get(2000).split(",", -1);
    cols[2] = new BigDecimal(cols[2]).movePointRight(2).toPlainString();
    lines.set(2000, String.join(",", cols));
    Path copy = dir.resolve("ETHUSDT/5m/ETHUSDT_5m.csv");
    Files.createDirectories(copy.getParent());
    Files.write(copy, lines);

    Run lenient = run("data", "check", copy.toString());
    Run strict = run("data", "check", "--strict", copy.toString());
    Run off = run("data", "check", "--strict", "--outlier-range", "Infinity", copy.toString());

    assertThat(lenient.exit()).isZero();
    assertThat(lenient.out()).contains("price outliers 1,");
    assertThat(lenient.out()).contains("   dropped: ETHUSDT_5m.csv:2001: high: range ");
    assertThat(lenient.out()).contains("   gap: ETHUSDT_5m.csv:2002: open_time: gap of 1 bar");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err())
        .contains("strict: problems found; first: ETHUSDT_5m.csv:2001: high: range ")
        .contains("price outlier");
    assertThat(off.exit()).as(off.err()).isZero();
  }

  @Test
  void shouldExitOneInStrictModeNamingTheFirstProblem() throws IOException {
    write(
        "x/BTCUSDT_5m.csv",
        HEADER
            + row("2025-04-03 17:05:00+00:00", "101", "99")
            + row("2025-04-03 17:10:00+00:00", "99.5", "100.1")
            + row("2025-04-03 17:15:00+00:00", "101", "99"));

    Run r = run("data", "check", "--strict", dir.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("strict: problems found; first: BTCUSDT_5m.csv:3: high: 99.5 < low 100.1");
  }

  @Test
  void shouldCheckMonthlyFilesOfOneDirectoryAsOneSeriesAcrossFileBoundaries() throws IOException {
    write(
        "m/X-5m-2025-01.csv",
        HEADER
            + row("2025-01-31 23:50:00+00:00", "101", "99")
            + row("2025-01-31 23:55:00+00:00", "101", "99"));
    // February's first bar (00:00) is missing: a gap across the file boundary.
    write(
        "m/X-5m-2025-02.csv",
        HEADER
            + row("2025-02-01 00:05:00+00:00", "101", "99")
            + row("2025-02-01 00:10:00+00:00", "101", "99"));

    Run r = run("data", "check", dir.resolve("m").toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("2 files (X-5m-2025-01.csv .. X-5m-2025-02.csv), TIMESTAMP_OHLCV");
    assertThat(r.out())
        .contains(
            "   gap: X-5m-2025-02.csv:2: open_time: gap of 1 bar before this bar, from"
                + " 2025-02-01T00:00:00Z to 2025-02-01T00:00:00Z");
    assertThat(r.out()).contains("== summary: 1 series,");
  }

  @Test
  void shouldExitOneForAnUnreadableFileEvenInLenientMode() throws IOException {
    write("odd.csv", "time,price\n1,2\n");

    Run r = run("data", "check", dir.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("odd.csv:1: header: unknown CSV format 'time,price'");
    assertThat(r.out()).contains("1 unreadable files");
  }

  @Test
  void shouldReportAnIrregularFundingInterval() throws IOException {
    write(
        "f/funding.csv",
        "timestamp,rate\n2023-01-01 00:00:00.000,0.0001\n2023-01-01 16:00:00.004,-4.586e-05\n");

    Run lenient = run("data", "check", dir.toString());
    Run strict = run("data", "check", "--strict", dir.toString());

    assertThat(lenient.exit()).isZero();
    assertThat(lenient.out())
        .contains(
            "   irregular: funding.csv:3: timestamp: 16 h after the previous settlement"
                + " (2023-01-01T00:00:00Z .. 2023-01-01T16:00:00Z)");
    assertThat(strict.exit()).isEqualTo(1);
  }

  @Test
  void shouldExitTwoOnUsageErrors() {
    assertThat(run("data").exit()).isEqualTo(2);
    assertThat(run("data", "check").exit()).isEqualTo(2);
    Run badTimeframe = run("data", "check", "--timeframe", "5x", dir.toString());
    assertThat(badTimeframe.exit()).isEqualTo(2);
    assertThat(badTimeframe.err()).contains("timeframe must look like 1m, 5m, 15m, 1h or 1d");
    assertThat(run("data", "resample", dir.toString()).exit()).isEqualTo(2);
  }

  @Test
  void shouldPrintHelpForEveryDataCommand() {
    for (String[] args :
        new String[][] {
          {"data", "--help"}, {"data", "check", "--help"}, {"data", "resample", "--help"}
        }) {
      Run r = run(args);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage: smc4j data");
    }
  }

  @Test
  void shouldResampleBybitFiveMinutesToTheExchangesFifteenMinuteBars() throws IOException {
    Path fiveMinutes = SharedData.requireData("bybit-linear/BTCUSDT/5m");
    Path fifteen = SharedData.requireData("bybit-linear/BTCUSDT/15m/BTCUSDT_15m.csv");
    Path out = dir.resolve("BTCUSDT_15m.csv");

    Run r = run("data", "resample", "--to", "15m", fiveMinutes.toString(), "-o", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("read 25920 bars of 5m from 1 file (0 invalid rows dropped, 0 gaps")
        .contains("wrote 8639 bars of 15m to " + out + "; dropped 2 incomplete buckets")
        .contains("  incomplete bucket: 2025-04-03T17:00:00Z (2 of 3 bars)")
        .contains("  incomplete bucket: 2025-07-02T17:00:00Z (1 of 3 bars)");
    assertThat(CsvFormat.detect(out)).contains(CsvFormat.CANONICAL);
    BarArrays written = CandleCsvReader.STRICT.read(out).bars();
    BarArrays exchange = CandleCsvReader.STRICT.read(fifteen).bars();
    assertThat(written.openTime(0)).isEqualTo(Instant.parse("2025-04-03T17:15:00Z"));
    // The exchange's file ends with the 17:00 bar that the 5m file cannot complete.
    BarArrays expected = exchange.slice(0, exchange.size() - 1);
    assertThat(written.openTimeMillisUnsafe()).isEqualTo(expected.openTimeMillisUnsafe());
    assertThat(written.openUnsafe()).isEqualTo(expected.openUnsafe());
    assertThat(written.highUnsafe()).isEqualTo(expected.highUnsafe());
    assertThat(written.lowUnsafe()).isEqualTo(expected.lowUnsafe());
    assertThat(written.closeUnsafe()).isEqualTo(expected.closeUnsafe());
    assertThat(written.volumeUnsafe()).isEqualTo(expected.volumeUnsafe());
  }

  @Test
  void shouldRefuseATargetThatIsNotAMultipleWithExitTwo() throws IOException {
    Path f =
        write(
            "r/X_5m.csv",
            HEADER
                + row("2025-04-03 17:05:00+00:00", "101", "99")
                + row("2025-04-03 17:10:00+00:00", "101", "99"));

    Run r =
        run("data", "resample", "--to", "7m", f.toString(), "-o", dir.resolve("o.csv").toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("error: target timeframe 7m must be a whole multiple of the source timeframe 5m");
  }
}
