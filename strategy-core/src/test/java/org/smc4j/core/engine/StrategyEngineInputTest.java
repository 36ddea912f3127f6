package org.smc4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smc4j.core.bar.BarArrays;
import org.smc4j.core.bar.Timeframe;
import org.smc4j.core.testing.CandleAggregation;

class StrategyEngineInputTest {

  private static final long T0 = Scenario.T0;
  private static final long M5 = Scenario.M5;

  @Test
  void shouldRejectANonPositiveTickSize() {
    assertThatThrownBy(
            () -> new StrategyEngine(StrategyConfig.DEFAULT, 0, StrategyEventListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tickSize must be > 0 and finite, was 0.0");
    assertThatThrownBy(
            () ->
                StrategyEngine.withSuppliedContext(
                    StrategyConfig.DEFAULT, Double.NaN, StrategyEventListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tickSize must be > 0 and finite, was NaN");
  }

  @Test
  void shouldRejectACandleThatIsNotAfterThePreviousOne() {
    StrategyEngine engine =
        new StrategyEngine(StrategyConfig.DEFAULT, 0.01, StrategyEventListener.NONE);
    engine.onBar(T0, 100, 101, 99, 100, 1);
    assertThatThrownBy(() -> engine.onBar(T0, 100, 101, 99, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "5m candle 1 (2025-01-01T00:00:00Z): open time must be on the 5m grid and after the"
                + " previous candle's 2025-01-01T00:00:00Z");
    assertThat(engine.barCount()).isEqualTo(1);
  }

  @Test
  void shouldRejectACandleOffTheFiveMinuteGrid() {
    StrategyEngine engine =
        new StrategyEngine(StrategyConfig.DEFAULT, 0.01, StrategyEventListener.NONE);
    assertThatThrownBy(() -> engine.onBar(T0 + 60_000, 100, 101, 99, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "5m candle 0 (2025-01-01T00:01:00Z): open time must be on the 5m grid and after the"
                + " previous candle's (none)");
  }

  @Test
  void shouldRejectAnInconsistentCandleNamingIt() {
    StrategyEngine engine =
        new StrategyEngine(StrategyConfig.DEFAULT, 0.01, StrategyEventListener.NONE);
    assertThatThrownBy(() -> engine.onBar(T0, 100, 99, 100, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("5m candle 0 (2025-01-01T00:00:00Z): high 99.0 < low 100.0");
    assertThatThrownBy(() -> engine.onBar(T0, 100, 101, 99, Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("5m candle 0 (2025-01-01T00:00:00Z): close is not a finite number: NaN");
    assertThat(engine.barCount()).isZero();
  }

  @Test
  void shouldRefuseSuppliedFifteenMinuteCandlesWhenDerivingThem() {
    StrategyEngine engine =
        new StrategyEngine(StrategyConfig.DEFAULT, 0.01, StrategyEventListener.NONE);
    assertThatThrownBy(() -> engine.onContextBar(T0, 100, 101, 99, 100, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "this engine derives its 15m candles from the 5m candles; create it with"
                + " withSuppliedContext to supply them");
  }

  @Test
  void shouldRejectSuppliedFifteenMinuteCandlesOffGridOrOutOfOrder() {
    StrategyEngine engine =
        StrategyEngine.withSuppliedContext(
            StrategyConfig.DEFAULT, 0.01, StrategyEventListener.NONE);
    assertThatThrownBy(() -> engine.onContextBar(T0 + M5, 100, 101, 99, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("15m candle at 2025-01-01T00:05:00Z: open time must be on the 15m grid");
    engine.onContextBar(T0, 100, 101, 99, 100, 1);
    assertThatThrownBy(() -> engine.onContextBar(T0, 100, 101, 99, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "15m candle at 2025-01-01T00:00:00Z: open time must be after the previous 15m"
                + " candle's 2025-01-01T00:00:00Z");
    assertThatThrownBy(() -> engine.onContextBar(T0 + 3 * M5, 100, 99, 101, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("15m candle 1 (2025-01-01T00:15:00Z): high 99.0 < low 101.0");
  }

  @Test
  void shouldRejectBatchInputOfTheWrongTimeframe() {
    BarArrays fifteen = BarArrays.empty(Timeframe.M15);
    assertThatThrownBy(() -> StrategyEngine.run(fifteen, StrategyConfig.DEFAULT, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fiveMinute must be 5m candles, was 15m");
    BarArrays five = BarArrays.empty(Timeframe.M5);
    assertThatThrownBy(() -> StrategyEngine.run(five, five, StrategyConfig.DEFAULT, 0.01))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fifteenMinute must be 15m candles, was 5m");
  }

  @Test
  void shouldDeriveAFifteenMinuteCandleAtTheCloseOfItsThirdFiveMinuteCandleOnly() {
    List<StrategyEvent> events = new ArrayList<>();
    StrategyEngine engine = new StrategyEngine(StrategyConfig.DEFAULT, 0.01, events::add);
    engine.onBar(T0, 100, 101, 99, 100, 1);
    engine.onBar(T0 + M5, 100, 101, 99, 100, 1);
    assertThat(engine.contextBarCount()).isZero(); // not before the third candle's close
    engine.onBar(T0 + 2 * M5, 100, 101, 99, 100, 1);
    assertThat(engine.contextBarCount()).isEqualTo(1);
  }

  @Test
  void shouldDropABucketThatStartsMidQuarterOrHasAGap() {
    StrategyEngine engine =
        new StrategyEngine(StrategyConfig.DEFAULT, 0.01, StrategyEventListener.NONE);
    // series starting at :05: the 00:00 bucket is incomplete
    engine.onBar(T0 + M5, 100, 101, 99, 100, 1);
    engine.onBar(T0 + 2 * M5, 100, 101, 99, 100, 1);
    assertThat(engine.contextBarCount()).isZero();
    // 00:15 bucket complete
    engine.onBar(T0 + 3 * M5, 100, 101, 99, 100, 1);
    engine.onBar(T0 + 4 * M5, 100, 101, 99, 100, 1);
    engine.onBar(T0 + 5 * M5, 100, 101, 99, 100, 1);
    assertThat(engine.contextBarCount()).isEqualTo(1);
    // 00:30 bucket missing its 00:35 candle: dropped
    engine.onBar(T0 + 6 * M5, 100, 101, 99, 100, 1);
    engine.onBar(T0 + 8 * M5, 100, 101, 99, 100, 1);
    assertThat(engine.contextBarCount()).isEqualTo(1);
    // 00:45 bucket complete again
    engine.onBar(T0 + 9 * M5, 100, 101, 99, 100, 1);
    engine.onBar(T0 + 10 * M5, 100, 101, 99, 100, 1);
    engine.onBar(T0 + 11 * M5, 100, 101, 99, 100, 1);
    assertThat(engine.contextBarCount()).isEqualTo(2);
    assertThat(engine.barCount()).isEqualTo(10);
  }

  @Test
  void shouldGiveTheSameEventsWithSuppliedFifteenMinuteCandlesAsWithDerivedOnes() {
    Scenario s =
        Scenario.start()
            .warmUp(14)
            .quarter(103, 100, 102)
            .quarter(102, 100, 101)
            .quarter(101.5, 100, 101)
            .quarter(103, 99.5, 100)
            .quarter(104, 101, 103.8)
            .quarter(105, 103, 104.5)
            .quarter(104.5, 102, 103)
            .quarter(103, 99, 99.2);
    BarArrays five = s.toBars();
    StrategyRun derived = StrategyEngine.run(five, StrategyConfig.DEFAULT, 0.01);
    StrategyRun supplied =
        StrategyEngine.run(
            five, CandleAggregation.toFifteenMinutes(five), StrategyConfig.DEFAULT, 0.01);
    assertThat(supplied.events()).isNotEmpty().isEqualTo(derived.events());
    assertThat(supplied.contextBarCount()).isEqualTo(derived.contextBarCount()).isEqualTo(22);
  }

  @Test
  void shouldApplyALateSuppliedCandleAtTheNextFiveMinuteClose() {
    StrategyEngine engine =
        StrategyEngine.withSuppliedContext(
            StrategyConfig.DEFAULT, 0.01, StrategyEventListener.NONE);
    engine.onBar(T0, 100, 101, 99, 100, 1);
    engine.onBar(T0 + M5, 100, 101, 99, 100, 1);
    engine.onBar(T0 + 2 * M5, 100, 101, 99, 100, 1);
    engine.onContextBar(T0, 100, 101, 99, 100, 1); // arrives after its 5m close
    assertThat(engine.contextBarCount()).isZero();
    engine.onBar(T0 + 3 * M5, 100, 101, 99, 100, 1);
    assertThat(engine.contextBarCount()).isEqualTo(1);
  }
}
