package org.smc4j.app.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smc4j.core.engine.StrategyConfig;
import org.smc4j.core.engine.StrategyEventKind;
import org.smc4j.core.testing.SharedData;

class DetectJobTest {

  @TempDir Path out;

  @Test
  void shouldRunEachSymbolAndReportAFailedOneBesideTheOthers() {
    Path doge = SharedData.requireData("bybit-linear/DOGEUSDT");
    Path xrp15 = SharedData.requireData("bybit-linear/XRPUSDT/15m/XRPUSDT_15m.csv");

    DetectResult r =
        DetectJob.run(
            new DetectRequest(
                List.of(doge, xrp15),
                Optional.empty(),
                out,
                StrategyConfig.DEFAULT,
                OptionalDouble.empty(),
                false));

    assertThat(r.symbols()).extracting(SymbolDetection::symbol).containsExactly("DOGEUSDT");
    SymbolDetection d = r.symbols().get(0);
    assertThat(d.bars()).isEqualTo(8640);
    // Bybit DOGEUSDT prices carry 5 decimals (0.19123)
    assertThat(d.tickSize()).isEqualTo(0.00001);
    assertThat(d.tickGiven()).isFalse();
    assertThat(d.signals()).hasSize(d.counts().get(StrategyEventKind.ENTRY_SIGNAL));
    assertThat(d.dir().resolve("entry_signal.csv")).exists();
    assertThat(r.skipped()).hasSize(2);
    assertThat(r.failures()).containsOnlyKeys("XRPUSDT");
    assertThat(r.failed()).isTrue();
    assertThat(r.totalBars()).isEqualTo(8640);
  }

  @Test
  void shouldRefuseANonPositiveTickSizeNamingTheOption() {
    assertThatThrownBy(
            () ->
                new DetectRequest(
                    List.of(out),
                    Optional.empty(),
                    out,
                    StrategyConfig.DEFAULT,
                    OptionalDouble.of(0),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--tick-size must be > 0 and finite, was 0.0");
  }
}
