package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smc4j.core.engine.StrategyConfig.Builder;

class StrategyConfigTest {

  @Test
  void shouldHoldTheDocumentedDefaults() {
    StrategyConfig c = StrategyConfig.DEFAULT;
    assertThat(c.swings().m15()).isEqualTo(new StrategyConfig.Lookback(3, 3));
    assertThat(c.swings().m5()).isEqualTo(new StrategyConfig.Lookback(2, 2));
    assertThat(c.breaks()).isEqualTo(new StrategyConfig.Breaks(1, 0.1, false));
    assertThat(c.fib()).isEqualTo(new StrategyConfig.Fib(0.5, 0.618, 0.786));
    assertThat(c.gaps().minAtr()).isEqualTo(0.05);
    assertThat(c.poi().maxAgeBars()).isEqualTo(48);
    assertThat(c.stop()).isEqualTo(new StrategyConfig.Stop(2, 0.1));
    assertThat(c.exits()).isEqualTo(new StrategyConfig.Exits(2.0, false));
    assertThat(c.score()).isEqualTo(new StrategyConfig.Score(0.25, 0.25));
    assertThat(c.atrPeriod()).isEqualTo(14);
    assertThat(c.stableFrom()).isEqualTo(13);
  }

  @Test
  void shouldBuildWithSingleParametersChanged() {
    StrategyConfig c = StrategyConfig.builder().swing15(5, 4).rewardRisk(3.0).build();
    assertThat(c.swings().m15()).isEqualTo(new StrategyConfig.Lookback(5, 4));
    assertThat(c.exits().rewardRisk()).isEqualTo(3.0);
    assertThat(c.toBuilder().swing15(3, 3).rewardRisk(2.0).build())
        .isEqualTo(StrategyConfig.DEFAULT);
    assertThat(StrategyConfig.builder().secondTarget(true).build().exits().secondTarget()).isTrue();
    assertThat(StrategyConfig.builder().atrPeriod(20).build().stableFrom()).isEqualTo(19);
    // The builder validates only at build(): the whole zone can move past its old edges.
    assertThat(StrategyConfig.builder().fibZoneEnd(0.9).fibGolden(0.85).fibZoneStart(0.8).build())
        .isEqualTo(StrategyConfig.builder().fib(0.8, 0.85, 0.9).build());
  }

  @Test
  void shouldCopyWithOneSectionChanged() {
    StrategyConfig c =
        StrategyConfig.DEFAULT
            .withExits(new StrategyConfig.Exits(2.5, true))
            .withBreaks(new StrategyConfig.Breaks(2, 0.0, true))
            .withAtrPeriod(10);
    assertThat(c)
        .isEqualTo(
            StrategyConfig.builder()
                .rewardRisk(2.5)
                .secondTarget(true)
                .confirmBars(2)
                .minBreakAtr(0.0)
                .continuationOnly(true)
                .atrPeriod(10)
                .build());
    assertThat(c.withSwings(StrategyConfig.Swings.DEFAULT).swings())
        .isEqualTo(StrategyConfig.DEFAULT.swings());
  }

  @Test
  void shouldWriteTheParametersByTheirKeyPaths() {
    assertThat(StrategyConfig.DEFAULT.toString())
        .startsWith("StrategyConfig[swing.15m.left=3, swing.15m.right=3, swing.5m.left=2,")
        .contains(", fib.golden=0.618, ", ", target.reward-risk=2.0, ")
        .endsWith(", atr-period=14]");
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        bad(b -> b.swing15Left(0), "strategy.swing.15m.left", "0", "must be >= 1"),
        bad(b -> b.swing15Right(0), "strategy.swing.15m.right", "0", "must be >= 1"),
        bad(b -> b.swing5Left(-1), "strategy.swing.5m.left", "-1", "must be >= 1"),
        bad(b -> b.swing5Right(0), "strategy.swing.5m.right", "0", "must be >= 1"),
        bad(b -> b.swing5Right(10_001), "strategy.swing.5m.right", "10001", "must be <= 10000"),
        bad(b -> b.confirmBars(0), "strategy.break.confirm-bars", "0", "must be >= 1"),
        bad(b -> b.minBreakAtr(-0.1), "strategy.break.min-atr", "-0.1", "must be >= 0 and finite"),
        bad(
            b -> b.minBreakAtr(Double.NaN),
            "strategy.break.min-atr",
            "NaN",
            "must be >= 0 and finite"),
        bad(b -> b.fibZoneStart(0), "strategy.fib.zone-start", "0.0", "must be > 0 and < 1"),
        bad(
            b -> b.fibGolden(0.4),
            "strategy.fib.golden",
            "0.4",
            "must be > strategy.fib.zone-start (0.5) and < 1"),
        bad(
            b -> b.fibZoneEnd(0.6),
            "strategy.fib.zone-end",
            "0.6",
            "must be > strategy.fib.golden (0.618) and < 1"),
        bad(
            b -> b.fibZoneEnd(1.0),
            "strategy.fib.zone-end",
            "1.0",
            "must be > strategy.fib.golden (0.618) and < 1"),
        bad(b -> b.minGapAtr(-1), "strategy.fvg.min-atr", "-1.0", "must be >= 0 and finite"),
        bad(b -> b.poiMaxAgeBars(0), "strategy.poi.max-age-bars", "0", "must be >= 1"),
        bad(
            b -> b.stopBufferTicks(0),
            "strategy.stop.buffer-ticks",
            "0.0",
            "must be > 0 and finite"),
        bad(
            b -> b.stopBufferAtr(Double.POSITIVE_INFINITY),
            "strategy.stop.buffer-atr",
            "Infinity",
            "must be >= 0 and finite"),
        bad(b -> b.rewardRisk(0), "strategy.target.reward-risk", "0.0", "must be > 0 and finite"),
        bad(
            b -> b.decisiveBreakAtr(-1),
            "strategy.score.decisive-break-atr",
            "-1.0",
            "must be >= 0 and finite"),
        bad(b -> b.retestAtr(-0.5), "strategy.score.retest-atr", "-0.5", "must be >= 0 and finite"),
        bad(b -> b.atrPeriod(0), "strategy.atr-period", "0", "must be >= 1"));
  }

  private static Arguments bad(
      UnaryOperator<Builder> change, String path, String value, String rule) {
    return Arguments.of(change, path, value, rule);
  }

  @ParameterizedTest(name = "{1} {3}, was {2}")
  @MethodSource("invalidValues")
  void shouldRejectAnInvalidValueNamingParameterValueAndRule(
      UnaryOperator<Builder> change, String path, String value, String rule) {
    assertThatThrownBy(() -> change.apply(StrategyConfig.builder()).build())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(path + " " + rule + ", was " + value)
        .satisfies(
            e -> {
              InvalidParameterException ipe = (InvalidParameterException) e;
              assertThat(ipe.path()).isEqualTo(path);
              assertThat(ipe.value()).isEqualTo(value);
              assertThat(ipe.rule()).isEqualTo(rule);
              assertThat(ipe.violation()).isEqualTo(rule + ", was " + value);
            });
  }

  @Test
  void shouldRejectAnInvalidValueInASectionRecordItself() {
    assertThatThrownBy(() -> new StrategyConfig.Exits(-2, false))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("strategy.target.reward-risk must be > 0 and finite, was -2.0");
    assertThatThrownBy(
            () ->
                new StrategyConfig.Swings(
                    new StrategyConfig.Lookback(3, 3), new StrategyConfig.Lookback(2, 0)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("strategy.swing.5m.right must be >= 1, was 0");
    assertThatThrownBy(() -> new StrategyConfig.Fib(0.5, 0.618, 0.6))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.relatedPath()).hasValue("strategy.fib.golden");
              assertThat(e.violation(p -> "<" + p + ">"))
                  .isEqualTo("must be > <strategy.fib.golden> (0.618) and < 1, was 0.6");
            });
    assertThatThrownBy(() -> new StrategyConfig.Poi(0))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> {
              assertThat(e.relatedPath()).isEmpty();
              assertThat(e.violation(p -> "<" + p + ">")).isEqualTo("must be >= 1, was 0");
            });
    assertThatThrownBy(() -> StrategyConfig.DEFAULT.withAtrPeriod(10_001))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("strategy.atr-period must be <= 10000, was 10001");
  }
}
