package org.smc4j.sweep.walkforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.testing.SharedData;
import org.smc4j.marketdata.csv.CandleCsvReader;
import org.smc4j.sweep.CandleCache;
import org.smc4j.sweep.CsvCandleSource;
import org.smc4j.sweep.CsvResultSink;
import org.smc4j.sweep.LocalSweepRunner;
import org.smc4j.sweep.Objective;
import org.smc4j.sweep.ParamGrid;
import org.smc4j.sweep.ParamValue;
import org.smc4j.sweep.ResultRow;
import org.smc4j.sweep.RunSettings;
import org.smc4j.sweep.SweepProgress;
import org.smc4j.sweep.SweepSpec;
import org.smc4j.sweep.TaskExecutor;

class WalkForwardRealDataTest {

  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-04-01T00:00:00Z");

  private static ParamValue n(String s) {
    return new ParamValue.Decimal(new BigDecimal(s));
  }

  @Test
  void shouldRunTheInSampleBestOnEachTestWindow(@TempDir Path out) throws IOException {
    ParamGrid grid =
        new ParamGrid.Cartesian(
            List.of(
                new ParamGrid.Axis(
                    "strategy.target.reward-risk", List.of(n("1.5"), n("2"), n("3"))),
                new ParamGrid.Axis("strategy.stop.buffer-atr", List.of(n("0.1"), n("0.3")))));
    SweepSpec spec =
        SweepSpec.of(
            List.of("SOLUSDT", "BTCUSDT"), FROM, TO, RunSettings.DEFAULT, grid, Objective.NET_R, 3);
    CandleCache candles =
        new CandleCache(
            CsvCandleSource.of(
                SharedData.requireData("binance-usdm"), CandleCsvReader.STRICT, FROM, TO),
            4);
    WalkForwardScheme scheme =
        new WalkForwardScheme(Period.ofMonths(1), Period.ofDays(14), Period.ofDays(14), false);
    WalkForward wf =
        new WalkForward(
            new LocalSweepRunner(2, candles, SweepProgress.Listener.NONE, System::nanoTime),
            candles,
            2);
    WalkForwardResult r = wf.run(spec, scheme, out);

    assertThat(r.steps()).hasSize(8);
    List<ResultRow> inSample =
        CsvResultSink.read(out.resolve("in-sample").resolve(CsvResultSink.RESULTS));
    assertThat(inSample).hasSize(2 * 4 * 6);
    int traded = 0;
    double oosNetR = 0;
    int oosTrades = 0;
    for (StepResult s : r.steps()) {
      // the chosen combination has the best net R among those with >= 3 trades in its train window
      double best =
          inSample.stream()
              .filter(x -> x.symbol().equals(s.symbol()))
              .filter(x -> x.window().index() == s.window().index())
              .filter(x -> x.metrics().trades() >= 3)
              .mapToDouble(x -> x.metrics().totalRNet())
              .max()
              .orElse(Double.NaN);
      if (s.combo().isEmpty()) {
        assertThat(best).isNaN();
        continue;
      }
      traded++;
      assertThat(s.inSample().orElseThrow().totalRNet()).isEqualTo(best);
      // the test window runs exactly those parameters: a one-window sweep of them agrees
      SweepSpec test =
          SweepSpec.of(
              List.of(s.symbol()),
              s.window().test().from(),
              s.window().test().to(),
              RunSettings.DEFAULT,
              new ParamGrid.Explicit(List.of(s.params().orElseThrow())),
              Objective.NET_R,
              0);
      ResultRow row = new TaskExecutor(test).run(test.tasks().get(0), candles).get(0);
      assertThat(s.outOfSample().orElseThrow()).isEqualTo(row.metrics());
      oosNetR += row.metrics().totalRNet();
      oosTrades += row.metrics().trades();
    }
    assertThat(traded).isGreaterThan(4);
    assertThat(r.outOfSample().trades()).isEqualTo(oosTrades);
    assertThat(r.outOfSampleNetR()).isCloseTo(oosNetR, within(1e-9));
    assertThat(r.curve()).hasSize(4);
    assertThat(r.curve().get(3).outOfSampleNetR()).isCloseTo(oosNetR, within(1e-9));
    assertThat(r.curve().get(3).time()).isEqualTo(Instant.parse("2025-03-26T00:00:00Z"));
    assertThat(r.outOfSampleCurve().points()).hasSize(oosTrades);
    OptionalDouble eff = r.efficiency();
    if (r.inSampleNetR() > 0) {
      assertThat(eff).hasValue(r.outOfSampleNetR() / r.inSampleNetR());
    }
    // 84 days from the first train start to the last test end: 16 blocks, 12,870 splits
    assertThat(r.pbo()).isPresent();
    assertThat(r.pbo().get().splits()).isEqualTo(12_870);
    assertThat(r.pbo().get().trials()).isEqualTo(6);
    assertThat(r.pbo().get().periods()).isEqualTo(84);
    assertThat(r.pbo().get().probability()).isBetween(0.0, 1.0);
    assertThat(r.deflatedSharpe()).isPresent();
    assertThat(r.deflatedSharpe().get().trials()).isEqualTo(6);
    assertThat(r.deflatedSharpe().get().probability()).isBetween(0.0, 1.0);
  }
}
