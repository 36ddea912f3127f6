package org.smc4j.benchmarks.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.smc4j.benchmarks.sweep.SweepComparison.Report;
import org.smc4j.benchmarks.sweep.SweepComparison.Variant;
import org.smc4j.core.testing.SharedData;

/**
 * Runs the sweep comparison once at a tiny size (1 symbol x 1 month x 3 combinations), so that the
 * harness cannot rot: every variant runs, the sweeps' rows match the engine's backtests one by one
 * (the harness throws otherwise) and the table is printed. No timing is asserted.
 */
class SweepComparisonTest {

  @Test
  void shouldRunEveryVariantOnTheSameBacktestsAndPrintTheRatios() {
    SharedData.requireData("binance-usdm/BTCUSDT/5m");
    System.setProperty("smc4j.shared.dir", SharedData.sharedDir().toString());
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    Report report =
        SweepComparison.run(
            1,
            1,
            3,
            0,
            1,
            EnumSet.allOf(Variant.class),
            new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(report.backtests()).isEqualTo(3);
    assertThat(report.seconds()).containsOnlyKeys(Variant.values());
    for (Variant v : Variant.values()) {
      assertThat(report.median(v)).as("median of %s", v).isPositive();
      assertThat(report.trades().get(v)).as("trades of %s", v).isPositive();
    }
    assertThat(report.trades().get(Variant.SWEEP_1_THREAD))
        .isEqualTo(report.trades().get(Variant.ANCHOR));
    assertThat(report.trades().get(Variant.SWEEP_2_THREADS))
        .isEqualTo(report.trades().get(Variant.ANCHOR));
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("1 symbols x 2025-01-01T00:00:00Z .. 2025-02-01T00:00:00Z")
        .contains("sweep 1 thread / anchor (goal <= 1.10)")
        .contains("speed-up 2 threads (goal >= 1.8)")
        .contains("ta4j / sweep 2 threads (goal >= 20)");
  }

  @Test
  void shouldRefuseSizesOutsideTheData() {
    assertThatThrownBy(() -> SweepWorkload.load(5, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbols must be in [1, 4], was 5");
    assertThatThrownBy(() -> SweepWorkload.load(1, 7, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("months must be in [1, 6], was 7");
    assertThatThrownBy(() -> SweepWorkload.load(1, 1, 2401))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("combos must be in [1, 2400], was 2401");
  }
}
