package org.smc4j.marketdata.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.marketdata.MarketDataException;
import org.smc4j.marketdata.validate.DataProblemException;
import org.smc4j.marketdata.validate.ProblemKind;
import org.smc4j.marketdata.validate.ValidatedCandles;

/**
 * Malformed input: every case checks that strict mode fails naming file and line, and that lenient
 * mode drops exactly the bad row and lists it with the same text.
 */
class MalformedCandleCsvTest {

  private static final String BYBIT_HEADER = "timestamp,open,high,low,close,volume\n";
  private static final String ROW1 = "2025-04-03 17:05:00+00:00,100.0,101.0,99.0,100.5,10.0\n";
  private static final String ROW2 = "2025-04-03 17:10:00+00:00,100.5,102.0,100.1,101.0,11.0\n";
  private static final String ROW3 = "2025-04-03 17:15:00+00:00,101.0,101.5,100.2,100.9,12.0\n";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  /** Reads strictly (expecting failure) and leniently; returns the lenient result. */
  private ValidatedCandles assertProblem(Path file, String expected, ProblemKind kind) {
    assertThatThrownBy(() -> CandleCsvReader.STRICT.withTimeframe(Timeframe.M5).read(file))
        .isInstanceOf(DataProblemException.class)
        .hasMessage(expected);
    ValidatedCandles lenient = CandleCsvReader.LENIENT.withTimeframe(Timeframe.M5).read(file);
    assertThat(lenient.report().problems()).hasSize(1);
    assertThat(lenient.report().problems().get(0).toString()).isEqualTo(expected);
    assertThat(lenient.report().problems().get(0).kind()).isEqualTo(kind);
    return lenient;
  }

  @Test
  void shouldNameFileAndLineOfATruncatedLastLine() throws IOException {
    // The last line was cut off mid-row (no trailing newline).
    Path f =
        write("BTCUSDT_5m.csv", BYBIT_HEADER + ROW1 + ROW2 + "2025-04-03 17:15:00+00:00,101.0,10");

    ValidatedCandles lenient =
        assertProblem(
            f,
            "BTCUSDT_5m.csv:4: row: expected 6 columns, found 3 (truncated line?)",
            ProblemKind.MALFORMED_ROW);

    assertThat(lenient.bars().size()).isEqualTo(2);
  }

  @Test
  void shouldNameFileAndLineOfARowWithTooManyColumns() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW2.replace("\n", ",7\n") + ROW3);

    ValidatedCandles lenient =
        assertProblem(f, "x.csv:3: row: expected 6 columns, found 7", ProblemKind.MALFORMED_ROW);

    // The dropped row leaves a one-bar gap, reported (not filled).
    assertThat(lenient.bars().size()).isEqualTo(2);
    assertThat(lenient.report().gaps()).hasSize(1);
    assertThat(lenient.report().gaps().get(0).toString())
        .isEqualTo(
            "x.csv:4: open_time: gap of 1 bar before this bar, from 2025-04-03T17:10:00Z to"
                + " 2025-04-03T17:10:00Z");
  }

  @Test
  void shouldNameTheColumnOfTextInANumber() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW2.replace(",102.0,", ",10two,") + ROW3);

    assertProblem(f, "x.csv:3: high: '10two' is not a number", ProblemKind.MALFORMED_ROW);
  }

  @Test
  void shouldNameTheColumnOfABadTimestamp() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW2.replace("17:10:00", "17:61:00") + ROW3);

    assertProblem(
        f,
        "x.csv:3: timestamp: '2025-04-03 17:61:00+00:00' is not a UTC date-time like 2025-01-01"
            + " 00:05:00+00:00",
        ProblemKind.MALFORMED_ROW);
  }

  @Test
  void shouldReportAnOutOfOrderRowAndKeepTheOthers() throws IOException {
    String early = "2025-04-03 17:00:00+00:00,100.0,101.0,99.0,100.5,10.0\n";
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW2 + ROW3 + early);

    ValidatedCandles lenient =
        assertProblem(
            f,
            "x.csv:5: open_time: 2025-04-03T17:00:00Z is before the previous bar"
                + " 2025-04-03T17:15:00Z (line 4)",
            ProblemKind.OUT_OF_ORDER);

    assertThat(lenient.bars().size()).isEqualTo(3);
  }

  @Test
  void shouldReportSwappedRowsAsAGapFirstThenAnOutOfOrderRow() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW3 + ROW2);

    // Line 3 (17:15) follows 17:05: the series has a hole there, found before line 4 is read.
    assertThatThrownBy(() -> CandleCsvReader.STRICT.withTimeframe(Timeframe.M5).read(f))
        .isInstanceOf(DataProblemException.class)
        .hasMessage(
            "x.csv:3: open_time: gap of 1 bar before this bar, from 2025-04-03T17:10:00Z to"
                + " 2025-04-03T17:10:00Z");
    ValidatedCandles lenient = CandleCsvReader.LENIENT.withTimeframe(Timeframe.M5).read(f);
    assertThat(lenient.report().problems().get(0).toString())
        .isEqualTo(
            "x.csv:4: open_time: 2025-04-03T17:10:00Z is before the previous bar"
                + " 2025-04-03T17:15:00Z (line 3)");
    assertThat(lenient.report().gaps()).hasSize(1);
    assertThat(lenient.bars().size()).isEqualTo(2);
  }

  @Test
  void shouldReportADuplicateRow() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW2 + ROW2 + ROW3);

    ValidatedCandles lenient =
        assertProblem(
            f,
            "x.csv:4: open_time: 2025-04-03T17:10:00Z duplicates line 3",
            ProblemKind.DUPLICATE_TIME);

    assertThat(lenient.bars().size()).isEqualTo(3);
    assertThat(lenient.report().gaps()).isEmpty();
  }

  @Test
  void shouldReportNaNAsANonFiniteValue() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW2.replace(",101.0,11.0", ",NaN,11.0") + ROW3);

    assertProblem(f, "x.csv:3: close: is not a finite number: NaN", ProblemKind.NON_FINITE);
  }

  @Test
  void shouldReportHighBelowLowWithBothValues() throws IOException {
    Path f =
        write(
            "BTCUSDT-5m-2025-01.csv",
            BYBIT_HEADER + ROW1 + "2025-04-03 17:10:00+00:00,100.0,99.5,100.1,100.0,1.0\n" + ROW3);

    assertProblem(
        f, "BTCUSDT-5m-2025-01.csv:3: high: 99.5 < low 100.1", ProblemKind.OHLC_VIOLATION);
  }

  @Test
  void shouldReportANegativeVolume() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW2.replace(",11.0", ",-11.0") + ROW3);

    assertProblem(f, "x.csv:3: volume: must be >= 0, was -11.0", ProblemKind.NEGATIVE_VALUE);
  }

  @Test
  void shouldReportABarOffTheTimeframeGrid() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW2.replace("17:10:00", "17:11:00") + ROW3);

    assertProblem(
        f,
        "x.csv:3: open_time: 2025-04-03T17:11:00Z is not on the 5m grid (bars start at multiples"
            + " of 5m from 00:00 UTC)",
        ProblemKind.OFF_GRID);
  }

  @Test
  void shouldReportAnEmptyLineInTheMiddle() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + "\n" + ROW2 + ROW3);

    assertProblem(f, "x.csv:3: row: empty line", ProblemKind.MALFORMED_ROW);
  }

  @Test
  void shouldReportABinanceCloseTimeThatDoesNotFitTheTimeframe() throws IOException {
    String header = CsvFormat.BINANCE_KLINE.header() + "\n";
    String row1 = "1735689600000,1.0,2.0,0.5,1.5,3,1735689899999,4.5,1,1,1,0\n";
    String row2 = "1735689900000,1.5,2.0,1.0,1.2,3,1735690199998,4.5,1,1,1,0\n";
    Path f = write("B-5m.csv", header + row1 + row2);

    assertProblem(
        f,
        "B-5m.csv:3: close_time: 1735690199998 is not open_time + 5m - 1 ms = 1735690199999",
        ProblemKind.CLOSE_TIME_MISMATCH);
  }

  @Test
  void shouldFailOnAnEmptyFileNamingFileAndLine() throws IOException {
    Path f = write("empty.csv", "");

    assertThatThrownBy(() -> CandleCsvReader.LENIENT.read(f))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("empty.csv:1: header: file is empty (no header line)");
  }

  @Test
  void shouldFailOnAnUnknownHeaderNamingFileAndLine() throws IOException {
    Path f = write("odd.csv", "time,price\n1,2\n");

    assertThatThrownBy(() -> CandleCsvReader.LENIENT.read(f))
        .isInstanceOf(MarketDataException.class)
        .hasMessageStartingWith(
            "odd.csv:1: header: unknown CSV format 'time,price'; expected one of: ");
  }

  @Test
  void shouldRefuseAFundingFileAsCandles() throws IOException {
    Path f = write("f.csv", "timestamp,rate\n2023-01-01 00:00:00.000,0.0001\n");

    assertThatThrownBy(() -> CandleCsvReader.LENIENT.read(f))
        .isInstanceOf(MarketDataException.class)
        .hasMessage("f.csv:1: header: 'timestamp,rate' is a funding-rate file, not candles");
  }

  @Test
  void shouldWrapAMissingFileInAMarketDataExceptionKeepingTheCause() {
    Path f = dir.resolve("missing.csv");

    assertThatThrownBy(() -> CandleCsvReader.LENIENT.read(f))
        .isInstanceOf(MarketDataException.class)
        .hasMessageContaining("cannot read " + f)
        .hasCauseInstanceOf(NoSuchFileException.class);
  }

  @Test
  void shouldNeedATimeframeForASingleRowFileWithoutOneInItsName() throws IOException {
    Path f = write("single.csv", BYBIT_HEADER + ROW1);

    assertThatThrownBy(() -> CandleCsvReader.LENIENT.read(f))
        .isInstanceOf(MarketDataException.class)
        .hasMessage(
            "cannot infer the timeframe of [single.csv]: fewer than two rows per file and no"
                + " timeframe (like 5m) in the file name; pass the timeframe explicitly");
    assertThat(CandleCsvReader.LENIENT.withTimeframe(Timeframe.M5).read(f).bars().size())
        .isEqualTo(1);
  }

  @Test
  void shouldTakeTheTimeframeOfASingleRowFileFromItsName() throws IOException {
    Path f = write("DOGEUSDT_15m.csv", BYBIT_HEADER + "2025-04-03 17:15:00+00:00,1,1,1,1,0\n");

    ValidatedCandles read = CandleCsvReader.LENIENT.read(f);

    assertThat(read.bars().timeframe()).isEqualTo(Timeframe.M15);
    assertThat(read.report().zeroVolumeBars())
        .containsExactly(Instant.parse("2025-04-03T17:15:00Z"));
  }

  @Test
  void shouldReadAHeaderOnlyFileAsAnEmptySeries() throws IOException {
    Path f = write("x-5m.csv", BYBIT_HEADER);

    ValidatedCandles read = CandleCsvReader.STRICT.read(f);

    assertThat(read.bars().isEmpty()).isTrue();
    assertThat(read.report().firstOpenTime()).isEmpty();
  }

  @Test
  void shouldAcceptCrlfLineEndingsAndAByteOrderMark() throws IOException {
    String content = "\uFEFF" + (BYBIT_HEADER + ROW1 + ROW2).replace("\n", "\r\n");
    Path f = write("crlf.csv", content);

    ValidatedCandles read = CandleCsvReader.STRICT.read(f);

    assertThat(read.bars().size()).isEqualTo(2);
    assertThat(read.bars().volume(1)).isEqualTo(11.0);
  }

  @Test
  void shouldReportAnOverlapBetweenTwoFilesAsDuplicatesInTheLaterFile() throws IOException {
    Path a = write("a.csv", BYBIT_HEADER + ROW1 + ROW2);
    Path b = write("b.csv", BYBIT_HEADER + ROW2 + ROW3);

    assertThatThrownBy(() -> CandleCsvReader.STRICT.read(List.of(b, a)))
        .isInstanceOf(DataProblemException.class)
        .hasMessage("b.csv:2: open_time: 2025-04-03T17:10:00Z duplicates a.csv:3");
    ValidatedCandles lenient = CandleCsvReader.LENIENT.read(List.of(b, a));
    assertThat(lenient.bars().size()).isEqualTo(3);
    assertThat(lenient.report().count(ProblemKind.DUPLICATE_TIME)).isEqualTo(1);
  }

  @Test
  void shouldFailStrictModeOnAGapNamingTheBarAfterIt() throws IOException {
    Path f = write("x.csv", BYBIT_HEADER + ROW1 + ROW3);

    assertThatThrownBy(() -> CandleCsvReader.STRICT.withTimeframe(Timeframe.M5).read(f))
        .isInstanceOf(DataProblemException.class)
        .hasMessage(
            "x.csv:3: open_time: gap of 1 bar before this bar, from 2025-04-03T17:10:00Z to"
                + " 2025-04-03T17:10:00Z");
    ValidatedCandles lenient = CandleCsvReader.LENIENT.withTimeframe(Timeframe.M5).read(f);
    assertThat(lenient.report().problems()).isEmpty();
    assertThat(lenient.report().missingBars()).isEqualTo(1);
  }
}
