package org.smc4j.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;

class LocalSweepRunnerTest {

  private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant MID = Instant.parse("2025-03-08T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-03-15T00:00:00Z");

  private static ParamValue n(String s) {
    return new ParamValue.Decimal(new BigDecimal(s));
  }

  private static SweepSpec spec() {
    ParamGrid grid =
        new ParamGrid.Cartesian(
            List.of(
                new ParamGrid.Axis("strategy.target.reward-risk", List.of(n("1.5"), n("2.5"))),
                new ParamGrid.Axis("strategy.stop.buffer-atr", List.of(n("0.1"), n("0.3")))));
    return new SweepSpec(
        List.of("SOLUSDT", "BTCUSDT"),
        FROM,
        TO,
        List.of(new SweepWindow(0, FROM, MID), new SweepWindow(1, MID, TO)),
        RunSettings.DEFAULT,
        grid,
        Objective.NET_R,
        0,
        0,
        3);
  }

  private static CsvCandleSource source() {
    return CsvCandleSource.of(
        SharedData.requireData("binance-usdm"), CandleCsvReader.STRICT, FROM, TO);
  }

  @Test
  void shouldListTasksBySymbolThenWindowThenBlock() {
    assertThat(spec().tasks().stream().map(SweepTask::taskId))
        .containsExactly(
            "SOLUSDT_w0_c0-3",
            "SOLUSDT_w0_c3-4",
            "SOLUSDT_w1_c0-3",
            "SOLUSDT_w1_c3-4",
            "BTCUSDT_w0_c0-3",
            "BTCUSDT_w0_c3-4",
            "BTCUSDT_w1_c0-3",
            "BTCUSDT_w1_c3-4");
  }

  @Test
  void shouldWriteTheKernelsRowsReadingEachSymbolOnceAndResumeWithoutRedoingTasks(@TempDir Path out)
      throws IOException {
    SweepSpec spec = spec();
    CandleCache cache = new CandleCache(source(), 4);
    List<SweepProgress> progress = Collections.synchronizedList(new ArrayList<>());
    SweepSummary first =
        new LocalSweepRunner(2, cache, progress::add, System::nanoTime)
            .run(spec, CsvResultSink.open(out, spec));

    assertThat(first.failures()).isEmpty();
    assertThat(first.ran()).isEqualTo(8);
    assertThat(first.combos()).isEqualTo(16);
    assertThat(cache.reads()).isEqualTo(2);
    assertThat(progress).hasSize(8);
    assertThat(progress.get(7).combosDone()).isEqualTo(16);
    assertThat(progress.get(7).eta()).hasValue(java.time.Duration.ZERO);

    List<ResultRow> expected = new ArrayList<>();
    TaskExecutor kernel = new TaskExecutor(spec);
    for (SweepTask t : spec.tasks()) {
      expected.addAll(kernel.run(t, cache));
    }
    Path results = out.resolve(CsvResultSink.RESULTS);
    assertThat(CsvResultSink.read(results)).isEqualTo(expected);

    // a crash lost one task: the resumed run redoes that one only, and the merge is the same
    String before = Files.readString(results);
    Files.delete(out.resolve("tasks/BTCUSDT_w0_c3-4.csv"));
    Files.delete(results);
    CandleCache fresh = new CandleCache(source(), 4);
    SweepSummary resumed =
        new LocalSweepRunner(2, fresh, SweepProgress.Listener.NONE, System::nanoTime)
            .run(spec, CsvResultSink.open(out, spec));
    assertThat(resumed.resumed()).isEqualTo(7);
    assertThat(resumed.ran()).isEqualTo(1);
    assertThat(resumed.combos()).isEqualTo(1);
    assertThat(fresh.reads()).isEqualTo(1);
    assertThat(Files.readString(results)).isEqualTo(before);
  }

  @Test
  void shouldRefuseToResumeIntoTheResultsOfAnotherSweep(@TempDir Path out) throws IOException {
    SweepSpec spec = spec();
    CsvResultSink.open(out, spec);
    assertThatThrownBy(() -> CsvResultSink.open(out, spec.withBlockSize(2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("holds the results of another sweep");
  }

  @Test
  void shouldReportAFailedTaskAndCompleteTheOthers(@TempDir Path out) throws IOException {
    SweepSpec spec = spec();
    CandleSource missingSol =
        symbol -> {
          if (symbol.equals("SOLUSDT")) {
            throw new IllegalArgumentException("SOLUSDT: no 5m candle files");
          }
          return source().fiveMinute(symbol);
        };
    SweepSummary s =
        new LocalSweepRunner(2, missingSol, SweepProgress.Listener.NONE, System::nanoTime)
            .run(spec, CsvResultSink.open(out, spec));
    assertThat(s.failures())
        .extracting(TaskFailure::taskId)
        .containsExactly(
            "SOLUSDT_w0_c0-3", "SOLUSDT_w0_c3-4", "SOLUSDT_w1_c0-3", "SOLUSDT_w1_c3-4");
    assertThat(s.failures().get(0).message()).isEqualTo("SOLUSDT: no 5m candle files");
    assertThat(s.ran()).isEqualTo(4);
    assertThat(CsvResultSink.read(out.resolve(CsvResultSink.RESULTS)))
        .hasSize(8)
        .allMatch(r -> r.symbol().equals("BTCUSDT"));
  }
}
