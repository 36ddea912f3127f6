package org.smc4j.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CsvFormat;
import org.smc4j.marketdata.validate.PriceOutlierRule;

class DataCheckJobTest {

  private static final String HEADER = "timestamp,open,high,low,close,volume\n";

  @TempDir Path dir;

  private Path write(String relative, String content) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content);
    return f;
  }

  private static String row(String time, String high, String low) {
    return time + ",100," + high + "," + low + ",100,1.5\n";
  }

  private static DataCheckResult check(Path... inputs) {
    return DataCheckJob.run(
        new DataCheckRequest(List.of(inputs), Optional.empty(), PriceOutlierRule.DEFAULT));
  }

  @Test
  void shouldCheckTheRealDogeFilesAsThreeCleanSeriesOnePerTimeframe() {
    Path doge = SharedData.requireData("bybit-linear/DOGEUSDT");

    DataCheckResult r = check(doge);

    assertThat(r.filesFound()).isEqualTo(3);
    assertThat(r.checks()).hasSize(3).allMatch(c -> c instanceof SeriesCheck);
    assertThat(r.checks())
        .map(c -> ((SeriesCheck) c).report().timeframe())
        .containsExactlyInAnyOrder(Timeframe.M1, Timeframe.M5, Timeframe.M15);
    DataCheckTotals t = r.totals();
    assertThat(t.series()).isEqualTo(3);
    assertThat(t.unreadable()).isZero();
    assertThat(t.anyProblem()).isFalse();
    assertThat(t.firstProblem()).isEmpty();
  }

  @Test
  void shouldCheckMonthlyFilesOfOneFolderAsOneSeriesAndFindTheGapAcrossTheirBoundary()
      throws IOException {
    write(
        "m/X-5m-2025-01.csv",
        HEADER
            + row("2025-01-31 23:50:00+00:00", "101", "99")
            + row("2025-01-31 23:55:00+00:00", "101", "99"));
    // February's first bar (00:00) is missing.
    write(
        "m/X-5m-2025-02.csv",
        HEADER
            + row("2025-02-01 00:05:00+00:00", "101", "99")
            + row("2025-02-01 00:10:00+00:00", "101", "99"));

    DataCheckResult r = check(dir.resolve("m"));

    assertThat(r.checks()).singleElement().isInstanceOf(SeriesCheck.class);
    SeriesCheck s = (SeriesCheck) r.checks().get(0);
    assertThat(s.format()).isEqualTo(CsvFormat.TIMESTAMP_OHLCV);
    assertThat(s.folder()).isEqualTo(dir.resolve("m"));
    assertThat(s.report().files()).hasSize(2);
    assertThat(s.report().rowsRead()).isEqualTo(4);
    DataCheckTotals t = r.totals();
    assertThat(t.gaps()).isEqualTo(1);
    assertThat(t.missingBars()).isEqualTo(1);
    assertThat(t.anyProblem()).isTrue();
    assertThat(t.firstProblem())
        .hasValue(
            "X-5m-2025-02.csv:2: open_time: gap of 1 bar before this bar, from"
                + " 2025-02-01T00:00:00Z to 2025-02-01T00:00:00Z");
  }

  @Test
  void shouldNameTheDroppedRowBeforeTheGapItLeavesAsTheFirstProblem() throws IOException {
    write(
        "x/BTCUSDT_5m.csv",
        HEADER
            + row("2025-04-03 17:05:00+00:00", "101", "99")
            + row("2025-04-03 17:10:00+00:00", "99.5", "100.1")
            + row("2025-04-03 17:15:00+00:00", "101", "99"));

    DataCheckTotals t = check(dir).totals();

    assertThat(t.ohlc()).isEqualTo(1);
    assertThat(t.gaps()).isEqualTo(1);
    assertThat(t.firstProblem()).hasValue("BTCUSDT_5m.csv:3: high: 99.5 < low 100.1");
  }

  @Test
  void shouldReportAnUnreadableFileBesideTheCheckedOnesWithoutAProblem() throws IOException {
    Path odd = write("a/odd.csv", "time,price\n1,2\n");
    write("b/Y_5m.csv", HEADER + row("2025-04-03 17:05:00+00:00", "101", "99"));

    DataCheckResult r = check(dir);

    assertThat(r.filesFound()).isEqualTo(2);
    assertThat(r.checks().get(0)).isInstanceOf(UnreadableFile.class);
    UnreadableFile u = (UnreadableFile) r.checks().get(0);
    assertThat(u.file()).isEqualTo(odd);
    assertThat(u.message()).startsWith("odd.csv:1: header: unknown CSV format 'time,price'");
    assertThat(r.checks().get(1)).isInstanceOf(SeriesCheck.class);
    assertThat(r.totals().unreadable()).isEqualTo(1);
    assertThat(r.totals().series()).isEqualTo(1);
    assertThat(r.totals().anyProblem()).isFalse();
  }

  @Test
  void shouldFindAnIrregularFundingIntervalAndNameItAsTheFirstProblem() throws IOException {
    write(
        "f/funding.csv",
        "timestamp,rate\n2023-01-01 00:00:00.000,0.0001\n2023-01-01 16:00:00.004,-4.586e-05\n");

    DataCheckResult r = check(dir);

    assertThat(r.checks()).singleElement().isInstanceOf(FundingCheck.class);
    FundingCheck f = (FundingCheck) r.checks().get(0);
    assertThat(f.read().history().size()).isEqualTo(2);
    assertThat(f.irregular()).singleElement().satisfies(i -> assertThat(i.line()).isEqualTo(3));
    assertThat(r.totals().funding()).isEqualTo(1);
    assertThat(r.totals().irregularIntervals()).isEqualTo(1);
    assertThat(r.totals().firstProblem()).hasValue("funding.csv:3: timestamp: interval is not 8 h");
  }

  @Test
  void shouldFindNothingInAFolderWithoutCsvFiles() throws IOException {
    write("notes.txt", "no candles here\n");

    DataCheckResult r = check(dir);

    assertThat(r.filesFound()).isZero();
    assertThat(r.checks()).isEmpty();
    assertThat(r.totals().series()).isZero();
  }
}
