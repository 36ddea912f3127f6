package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrategyConfigTest {

  @Test
  void shouldHoldTheDocumentedDefaults() {
    StrategyConfig c = StrategyConfig.DEFAULT;
    assertThat(c.swing15Left()).isEqualTo(3);
    assertThat(c.swing15Right()).isEqualTo(3);
    assertThat(c.swing5Left()).isEqualTo(2);
    assertThat(c.swing5Right()).isEqualTo(2);
    assertThat(c.confirmBars()).isEqualTo(1);
    assertThat(c.minBreakAtr()).isEqualTo(0.1);
    assertThat(c.continuationOnly()).isFalse();
    assertThat(c.fibZoneStart()).isEqualTo(0.5);
    assertThat(c.fibGolden()).isEqualTo(0.618);
    assertThat(c.fibZoneEnd()).isEqualTo(0.786);
    assertThat(c.minGapAtr()).isEqualTo(0.05);
    assertThat(c.poiMaxAgeBars()).isEqualTo(48);
    assertThat(c.stopBufferTicks()).isEqualTo(2.0);
    assertThat(c.stopBufferAtr()).isEqualTo(0.1);
    assertThat(c.rewardRisk()).isEqualTo(2.0);
    assertThat(c.secondTarget()).isFalse();
    assertThat(c.decisiveBreakAtr()).isEqualTo(0.25);
    assertThat(c.retestAtr()).isEqualTo(0.25);
    assertThat(c.atrPeriod()).isEqualTo(14);
    assertThat(c.stableFrom()).isEqualTo(13);
  }

  @Test
  void shouldCopyWithOneParameterChanged() {
    StrategyConfig c = StrategyConfig.DEFAULT.withSwing15Left(5).withRewardRisk(3.0);
    assertThat(c.swing15Left()).isEqualTo(5);
    assertThat(c.rewardRisk()).isEqualTo(3.0);
    assertThat(c.withSwing15Left(3).withRewardRisk(2.0)).isEqualTo(StrategyConfig.DEFAULT);
    assertThat(StrategyConfig.DEFAULT.withSecondTarget(true).secondTarget()).isTrue();
    assertThat(StrategyConfig.DEFAULT.withContinuationOnly(true).continuationOnly()).isTrue();
    assertThat(StrategyConfig.DEFAULT.withAtrPeriod(20).stableFrom()).isEqualTo(19);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        bad(c -> c.withSwing15Left(0), "swing15Left must be >= 1, was 0"),
        bad(c -> c.withSwing15Right(0), "swing15Right must be >= 1, was 0"),
        bad(c -> c.withSwing5Left(-1), "swing5Left must be >= 1, was -1"),
        bad(c -> c.withSwing5Right(0), "swing5Right must be >= 1, was 0"),
        bad(c -> c.withSwing5Right(10_001), "swing5Right must be <= 10000, was 10001"),
        bad(c -> c.withConfirmBars(0), "confirmBars must be >= 1, was 0"),
        bad(c -> c.withMinBreakAtr(-0.1), "minBreakAtr must be >= 0 and finite, was -0.1"),
        bad(c -> c.withMinBreakAtr(Double.NaN), "minBreakAtr must be >= 0 and finite, was NaN"),
        bad(c -> c.withFibZoneStart(0), "fibZoneStart must be > 0 and < 1, was 0.0"),
        bad(c -> c.withFibGolden(0.4), "fibGolden must be > fibZoneStart (0.5) and < 1, was 0.4"),
        bad(c -> c.withFibZoneEnd(0.6), "fibZoneEnd must be > fibGolden (0.618) and < 1, was 0.6"),
        bad(c -> c.withFibZoneEnd(1.0), "fibZoneEnd must be > fibGolden (0.618) and < 1, was 1.0"),
        bad(c -> c.withMinGapAtr(-1), "minGapAtr must be >= 0 and finite, was -1.0"),
        bad(c -> c.withPoiMaxAgeBars(0), "poiMaxAgeBars must be >= 1, was 0"),
        bad(c -> c.withStopBufferTicks(0), "stopBufferTicks must be > 0 and finite, was 0.0"),
        bad(
            c -> c.withStopBufferAtr(Double.POSITIVE_INFINITY),
            "stopBufferAtr must be >= 0 and finite, was Infinity"),
        bad(c -> c.withRewardRisk(0), "rewardRisk must be > 0 and finite, was 0.0"),
        bad(c -> c.withDecisiveBreakAtr(-1), "decisiveBreakAtr must be >= 0 and finite, was -1.0"),
        bad(c -> c.withRetestAtr(-0.5), "retestAtr must be >= 0 and finite, was -0.5"),
        bad(c -> c.withAtrPeriod(0), "atrPeriod must be >= 1, was 0"));
  }

  private static Arguments bad(UnaryOperator<StrategyConfig> change, String message) {
    return Arguments.of(change, message);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidValues")
  void shouldRejectAnInvalidValueNamingParameterValueAndRule(
      UnaryOperator<StrategyConfig> change, String message) {
    assertThatThrownBy(() -> change.apply(StrategyConfig.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
